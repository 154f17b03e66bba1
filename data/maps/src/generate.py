#!/usr/bin/python3
"""Generate the dermatome region maps data/maps/anterior.svg and posterior.svg,
and their art (shading and contour lines) anterior-art.svg and posterior-art.svg.

The legs are drawn once per view as a silhouette (smooth cubic Bezier outline)
that is split into small anatomical skin regions by boundary curves (also
cubic Beziers, sampled finely) with shapely polygon operations.  Every region
is carved out of what is left of the silhouette, in a fixed priority order, so
the regions tile the silhouette without gaps or overlaps.  Only the viewer's
left half of each view is modelled; the other half is its exact mirror image
(x -> 600 - x), so both legs are symmetric.

Usage:
  generate.py              write ../anterior.svg, ../posterior.svg and their
                           ../*-art.svg
  generate.py --check      regenerate in memory, fail (exit 1) if the committed
                           SVGs drifted or a self-check fails
  generate.py --debug DIR  also write DIR/<view>-debug.svg (+ .png when
                           rsvg-convert is available) with random region colours

Always run it with /usr/bin/python3 (needs python3-shapely from Debian).
Output is deterministic: same input, byte-identical SVGs.
"""

import argparse
import math
import os
import random
import shutil
import subprocess
import sys

from shapely.geometry import (GeometryCollection, MultiPolygon, Point,
                              Polygon, box)
from shapely.ops import polygonize, polylabel, unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
MAPS_DIR = os.path.dirname(HERE)
OUTPUTS = {
    "anterior": os.path.join(MAPS_DIR, "anterior.svg"),
    "posterior": os.path.join(MAPS_DIR, "posterior.svg"),
}
ART_OUTPUTS = {
    "anterior": os.path.join(MAPS_DIR, "anterior-art.svg"),
    "posterior": os.path.join(MAPS_DIR, "posterior-art.svg"),
}

WIDTH, HEIGHT = 600, 1080
MIDX = 300.0
STEP = 1.5            # sampling step of all curves, in user units
BIG = 5000.0          # "infinity" for half-plane polygons

# Minimum sizes checked by --check.
MIN_INSCRIBED = 7.75     # 9 px across at the default window (1100x750, 0.59 px a unit)
KP_MARGIN = 3.0
MAX_OVERLAP = 0.01
MAX_UNION_DIFF = 0.001

SKIN = "#f2e6dc"
CRUMB_AREA = 40.0     # detached region parts smaller than this join a neighbour
SNAP = 2              # output vertices closer than this (1/100 unit) are merged


# ---------------------------------------------------------------------------
# Curves: piecewise cubic Beziers through key points (Hermite with chord-length
# tangents, i.e. a smooth Catmull-Rom-like spline), sampled at ~STEP.
# ---------------------------------------------------------------------------

def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def _add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def _mul(a, k):
    return (a[0] * k, a[1] * k)


def _dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def spline(points):
    """Cubic Bezier segments (p0, c1, c2, p3) of a smooth open curve through
    `points` (warped to the drawing's proportions)."""
    P = [warp((float(x), float(y))) for x, y in points]
    n = len(P)
    if n < 2:
        raise ValueError("a curve needs two points")
    if n == 2:
        d = _sub(P[1], P[0])
        return [(P[0], _add(P[0], _mul(d, 1 / 3)),
                 _add(P[0], _mul(d, 2 / 3)), P[1])]
    d = [_dist(P[i], P[i + 1]) for i in range(n - 1)]
    m = [None] * n
    for i in range(1, n - 1):
        m[i] = _mul(_sub(P[i + 1], P[i - 1]), 1.0 / (d[i - 1] + d[i]))
    # end tangents: parabola through the first / last three points
    m[0] = _sub(_mul(_sub(P[1], P[0]), 2.0 / d[0]), m[1])
    m[-1] = _sub(_mul(_sub(P[-1], P[-2]), 2.0 / d[-1]), m[-2])
    segs = []
    for i in range(n - 1):
        c1 = _add(P[i], _mul(m[i], d[i] / 3))
        c2 = _sub(P[i + 1], _mul(m[i + 1], d[i] / 3))
        segs.append((P[i], c1, c2, P[i + 1]))
    return segs


def closed_spline(points):
    """Segments of a smooth closed curve through `points` (warped)."""
    P = [warp((float(x), float(y))) for x, y in points]
    n = len(P)
    d = [_dist(P[i], P[(i + 1) % n]) for i in range(n)]
    m = []
    for i in range(n):
        m.append(_mul(_sub(P[(i + 1) % n], P[i - 1]), 1.0 / (d[i - 1] + d[i])))
    segs = []
    for i in range(n):
        j = (i + 1) % n
        c1 = _add(P[i], _mul(m[i], d[i] / 3))
        c2 = _sub(P[j], _mul(m[j], d[i] / 3))
        segs.append((P[i], c1, c2, P[j]))
    return segs


def bez_point(seg, t):
    p0, c1, c2, p3 = seg
    u = 1 - t
    a, b, c, e = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + e * p3[0],
            a * p0[1] + b * c1[1] + c * c2[1] + e * p3[1])


def sample(segs, step=STEP):
    """Points along the segments (endpoints included, no duplicates)."""
    pts = [segs[0][0]]
    for seg in segs:
        p0, c1, c2, p3 = seg
        approx = (_dist(p0, c1) + _dist(c1, c2) + _dist(c2, p3) + _dist(p0, p3)) / 2
        n = max(1, int(math.ceil(approx / step)))
        for k in range(1, n + 1):
            pts.append(bez_point(seg, k / n))
    return pts


def curve(points, step=STEP):
    return sample(spline(points), step)


# Proportions: the points below are drawn with the knee joint at y 574;
# the drawing lowers it by KNEE_DROP (smoothly, nothing moves above the
# hip or at the ankle), so that the thigh, trochanter to knee, comes out a
# little longer than the leg, knee to ankle, as in life, with the knee
# still about half way from the iliac crest to the heel.  The sole inset
# (left of x = 150, low in the view) is not part of the standing figure.
WARP_TOP, WARP_KNEE, WARP_BOTTOM = 200.0, 574.0, 950.0
KNEE_DROP = 14.0


def _smoothstep(t):
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


def warp(p):
    x, y = p
    if x < 150 and y > 700:
        return (x, y)
    if y <= WARP_KNEE:
        d = KNEE_DROP * _smoothstep((y - WARP_TOP) / (WARP_KNEE - WARP_TOP))
    else:
        d = KNEE_DROP * (1 - _smoothstep((y - WARP_KNEE) / (WARP_BOTTOM - WARP_KNEE)))
    return (x, y + d)


def mirror_pt(p):
    return (2 * MIDX - p[0], p[1])


def mirror_segs(segs):
    """Mirrored segments, in reverse order and direction."""
    return [tuple(mirror_pt(p) for p in (s[3], s[2], s[1], s[0]))
            for s in reversed(segs)]


# ---------------------------------------------------------------------------
# Shape helpers (all polygons are in the viewer's left half unless noted)
# ---------------------------------------------------------------------------

def _valid(poly, what):
    if not poly.is_valid:
        raise SystemExit("generate.py: invalid helper polygon (%s)" % what)
    return poly


def above(pts):
    """Region above a curve running left to right (extended horizontally)."""
    ring = [(-BIG, pts[0][1])] + list(pts) + [(BIG, pts[-1][1]), (BIG, -BIG), (-BIG, -BIG)]
    return _valid(Polygon(ring), "above")


def below(pts):
    ring = [(-BIG, pts[0][1])] + list(pts) + [(BIG, pts[-1][1]), (BIG, BIG), (-BIG, BIG)]
    return _valid(Polygon(ring), "below")


def leftof(pts):
    """Region left of a curve running top to bottom (extended vertically)."""
    ring = [(pts[0][0], -BIG)] + list(pts) + [(pts[-1][0], BIG), (-BIG, BIG), (-BIG, -BIG)]
    return _valid(Polygon(ring), "leftof")


def rightof(pts):
    ring = [(pts[0][0], -BIG)] + list(pts) + [(pts[-1][0], BIG), (BIG, BIG), (BIG, -BIG)]
    return _valid(Polygon(ring), "rightof")


def ellipse(cx, cy, rx, ry, rot=0.0):
    """Polygon of an ellipse; vertices symmetric about the vertical axis."""
    per = math.pi * (3 * (rx + ry) - math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
    n = max(16, 4 * int(math.ceil(per / STEP / 4)))
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    pts = []
    for k in range(n):
        a = 2 * math.pi * k / n + math.pi / 2
        x, y = rx * math.cos(a), ry * math.sin(a)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return Polygon(pts)


def wellipse(cx, cy, rx, ry, rot=0.0):
    """An ellipse round a point of the drawing (its centre warped)."""
    cx, cy = warp((cx, cy))
    return ellipse(cx, cy, rx, ry, rot)


def closed_shape(points):
    return _valid(Polygon(sample(closed_spline(points))), "closed shape")


def polygons_of(g):
    """List of polygons in a geometry (drops lines/points/empties)."""
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g] if g.area > 1e-9 else []
    if isinstance(g, (MultiPolygon, GeometryCollection)):
        out = []
        for part in g.geoms:
            out.extend(polygons_of(part))
        return out
    return []


def as_area(g):
    polys = polygons_of(g)
    if not polys:
        return Polygon()
    if len(polys) == 1:
        return polys[0]
    return MultiPolygon(polys)


class Carver:
    """Split a shape into regions by rules: a region is what is left of the
    shape inside the intersection of its defining polygons; the last rule
    takes the rest.  All boundaries are noded together once and polygonized,
    so neighbouring regions share exactly the same vertices."""

    def __init__(self, shape):
        self.shape = shape
        self.rules = []            # (name, [component polygons])

    def take(self, name, *components):
        self.rules.append((name, list(components)))

    def remainder(self, name):
        self.rules.append((name, []))

    def regions(self):
        frame = box(-50, -50, WIDTH + 50, HEIGHT + 50)
        lines = [self.shape.boundary]
        seen = set()
        for _, comps in self.rules:
            for comp in comps:
                if id(comp) in seen:
                    continue
                seen.add(id(comp))
                lines.append(comp.boundary.intersection(frame))
        noded = unary_union(lines)
        faces = {}
        for face in polygonize(noded):
            rp = face.representative_point()
            if not self.shape.contains(rp):
                continue
            for name, comps in self.rules:
                if all(comp.contains(rp) for comp in comps):
                    faces.setdefault(name, []).append(face)
                    break
        names = []
        for name, _ in self.rules:       # a name may have several rules
            if name not in names:
                names.append(name)
        regions = [[name, as_area(unary_union(faces[name])) if name in faces else Polygon()]
                   for name in names]
        # Crumbs (tiny detached parts where boundary curves nearly meet) go
        # to the neighbour that shares most of their edge.
        for entry in regions:
            parts = polygons_of(entry[1])
            if len(parts) < 2:
                continue
            biggest = max(p.area for p in parts)
            keep = []
            for part in parts:
                if part.area >= CRUMB_AREA or part.area == biggest:
                    keep.append(part)
                    continue
                best, best_len = None, 0.0
                for other in regions:
                    if other is entry or other[1].is_empty:
                        continue
                    shared = part.boundary.intersection(other[1].boundary).length
                    if shared > best_len:
                        best, best_len = other, shared
                if best is None:
                    keep.append(part)
                else:
                    best[1] = as_area(unary_union([best[1], part]))
            entry[1] = as_area(unary_union(keep))
        return [tuple(e) for e in regions]


# ---------------------------------------------------------------------------
# Toes: a toe as a run of outline points from one web notch to the next.
# ---------------------------------------------------------------------------

def toe(xa, ya, xb, yb, tip, lean=0.0):
    """Outline points of a toe from notch (xa, ya) to notch (xb, yb); the tip
    is at y = tip (below the notches when tip > ya, above when tip < ya)."""
    w = xb - xa
    la, lb = tip - ya, tip - yb
    xm = (xa + xb) / 2 + lean
    return [(xa, ya),
            (xa + 0.07 * w, ya + 0.45 * la),
            (xa + 0.17 * w + lean * 0.6, tip - 0.13 * la),
            (xm, tip),
            (xb - 0.17 * w + lean * 0.6, tip - 0.13 * lb),
            (xb - 0.07 * w, yb + 0.45 * lb),
            (xb, yb)]


def nail(x0, x1, ytip, depth, up=False):
    """A nail hint: a small U near a toe tip."""
    s = -1 if up else 1
    xm = (x0 + x1) / 2
    return [(x0, ytip - s * depth), (x0 + 0.12 * (x1 - x0), ytip - s * 0.25 * depth),
            (xm, ytip), (x1 - 0.12 * (x1 - x0), ytip - s * 0.25 * depth), (x1, ytip - s * depth)]


# ---------------------------------------------------------------------------
# The views.  Coordinates: viewBox 0 0 600 1080; the drawing runs from the
# top cut at y = 14 (a little above the umbilicus) to the toes at y ~ 1074
# (anterior) and the heels at y ~ 1048 (posterior).  Levels, as fractions of
# the height from the iliac crest (y ~ 70) to the heel (y ~ 1046): greater
# trochanter ~ y 196 (87 %), knee joint line y 574 as written here, y 588
# (47 %) once warped (see warp()), malleoli y 952 / 968 (8-10 %): the
# thigh (trochanter to knee, ~392) a little longer than the leg (knee to
# ankle, ~370).  The viewer's left leg is modelled: lateral side = small x,
# medial side = towards x = 300.
# ---------------------------------------------------------------------------

TOP = 14.0
NAVEL = (MIDX, 54.0)
KNEE_Y = 574.0

# The flank and hip from the top cut to the greater trochanter: the waist,
# the swell over the iliac crest, the hip.
FLANK_HIP = [(162, TOP), (161.8, 30), (161, 46), (159.5, 62), (157, 78), (153.5, 94),
             (149, 110), (144, 126), (139, 142), (134, 158), (129.5, 174), (126, 190)]

# Shared thigh / knee / leg contours (the silhouette of a leg seen from the
# front is the mirror image of the one seen from behind).
LATERAL_THIGH_LEG = [
    (123.5, 206),
    (122.5, 224),          # greater trochanter (widest)
    (123, 242), (125.5, 268), (130.5, 312), (137.5, 362), (146, 414),
    (155, 462), (162.5, 500),  # narrowest above the knee
    (168.5, 528),          # lateral femoral condyle
    (172, 552),
    (174, 574),            # joint line
    (174.5, 592),          # fibular head, flowing on into the calf
    (172.5, 611),
    (169.5, 631),          # lateral head of gastrocnemius and the fibular
    (167, 653),            # muscles: the higher, smaller swell
    (166.5, 675),
    (168, 700),
    (171.5, 730),
    (176.5, 766),          # the muscles give way to tendons ...
    (183, 808),
    (190, 854),
    (195.5, 893),          # ... narrowing above the ankle
    (199.5, 928),          # narrowest above the lateral malleolus
]

MEDIAL_LEG_THIGH = [       # from the ankle up to the groin
    (263.5, 926), (264.5, 899), (267.5, 864), (273.5, 826),  # tendons above the ankle
    (281.5, 788), (289.5, 752),
    (295, 720), (297.5, 692),  # medial head of gastrocnemius: lower and fuller
    (297, 666), (294, 640),
    (290.5, 614), (288.5, 594),  # pes anserinus / medial tibial condyle
    (289.5, 574),          # joint line
    (291.5, 552),          # medial femoral condyle
    (292.5, 528),          # vastus medialis
    (291.5, 504), (290, 478), (289.5, 440), (291, 400), (293, 360),
    (295, 322), (297, 292),
]

# The anterior foot is drawn a little broader than life below the ankle so
# that its small regions (toes, web space, arch) stay large enough to click.
FOOT_CX = 237.0
FOOT_WIDEN = 0.05


def widen_foot(pts):
    out = []
    for x, y in pts:
        k = min(max((y - 962.0) / 38.0, 0.0), 1.0)
        out.append((FOOT_CX + (x - FOOT_CX) * (1 + FOOT_WIDEN * k), y))
    return out


ANT_NOTCHES = tuple(widen_foot([(205.0, 1033.0), (219.5, 1036.5), (235.0, 1037.0), (253.0, 1033.0)]))


def anterior_outline():
    """Runs of outline points (corners between runs) of the viewer's left
    half, from the top cut at the side to the crotch."""
    n45, n34, n23, n12 = ANT_NOTCHES
    lateral = (FLANK_HIP + LATERAL_THIGH_LEG
               + widen_foot([(197, 952), (194.5, 967),   # lateral malleolus (lower)
                             (194, 982), (192.5, 997),   # base of the 5th metatarsal
                             (190.5, 1011), (189, 1024),
                             (189, 1036), (190.5, 1047), (195, 1053.5),  # little toe
                             (200, 1053), (203, 1045.5)]) + [n45])
    t4 = toe(n45[0], n45[1], n34[0], n34[1], 1060.0)
    t3 = toe(n34[0], n34[1], n23[0], n23[1], 1066.0)
    t2 = toe(n23[0], n23[1], n12[0], n12[1], 1071.0, lean=0.5)
    medial = ([n12] + widen_foot([(254, 1046), (257.5, 1060), (263.5, 1070), (271.5, 1074),  # great toe
                                  (279, 1071), (283.5, 1061.5), (284.2, 1048.5),
                                  (285.2, 1033), (283.2, 1017),   # first MTP joint
                                  (279, 1001), (276, 987),        # navicular, medial arch edge
                                  (276, 972), (277, 958),         # medial malleolus (higher)
                                  (274, 944)])
              + MEDIAL_LEG_THIGH
              + [(298.5, 280), (MIDX, 268)])
    return [lateral, t4, t3, t2, medial]


def posterior_outline():
    run = (FLANK_HIP + LATERAL_THIGH_LEG
           + [(197, 952), (194.5, 967),        # lateral malleolus
              (196.5, 982), (199.5, 998),      # lateral side of the heel
              (203.5, 1014), (210.5, 1029),
              (223, 1040), (240, 1045), (257, 1041.5),  # heel
              (268.5, 1030), (274, 1014),      # medial side of the heel
              (275.5, 998), (275, 984),
              (276, 971), (277, 958),          # medial malleolus
              (274, 944)]
           + MEDIAL_LEG_THIGH
           + [(298.5, 292), (MIDX, 284)])
    return [run]


SOLE_NOTCHES = ((59.0, 842.0), (75.0, 836.0), (91.5, 831.5), (109.0, 829.5))


def sole_outline():
    """Closed runs of the viewer's left sole (the patient's left in the
    posterior view): toes up, heel down, lateral border on the left."""
    n54, n43, n32, n21 = SOLE_NOTCHES
    t4 = toe(n54[0], n54[1], n43[0], n43[1], 814.0)
    t3 = toe(n43[0], n43[1], n32[0], n32[1], 806.0)
    t2 = toe(n32[0], n32[1], n21[0], n21[1], 800.0)
    big = [n21, (110.5, 813), (114.5, 800), (122, 792.5), (131, 793.5),
           (136.5, 803), (138, 822), (137, 846),            # great toe, ball
           (133, 874), (126.5, 903), (122, 932),            # medial arch
           (120.5, 962), (117.5, 992), (110, 1018),         # heel
           (95, 1032), (78, 1031), (65, 1017),
           (59.5, 992), (57.5, 962), (54.5, 934),           # lateral border
           (50.5, 905), (46, 877),                          # base of the 5th metatarsal
           (43.5, 857), (43.5, 841), (46.5, 830),           # little toe
           (51.5, 826.5), (56, 832), n54]
    return [t4, t3, t2, big]


def outline_segments(runs):
    segs = []
    for r in runs:
        segs.extend(spline(r))
    return segs


def half_polygon(runs):
    """Closed polygon of the viewer's left half (closed along x = 300)."""
    pts = []
    for r in runs:
        s = sample(spline(r))
        pts.extend(s if not pts else s[1:])
    pts.append((MIDX, pts[0][1]))
    return _valid(Polygon(pts), "half silhouette")


def full_outline_segments(runs):
    segs = outline_segments(runs)
    return segs + mirror_segs(segs)


def closed_runs_polygon(runs):
    pts = []
    for r in runs:
        s = sample(spline(r))
        pts.extend(s if not pts else s[1:])
    return _valid(Polygon(pts[:-1]), "closed runs")


def vline(x):
    return [(x, -BIG / 2), (x, BIG / 2)]


# ---------------------------------------------------------------------------
# Anterior parcellation
# ---------------------------------------------------------------------------

# Points of the inguinal ligament, from the anterior superior iliac spine to
# the pubic tubercle.
ASIS = (176.0, 156.0)
PUBIC_TUBERCLE = (281.0, 221.0)
INGUINAL_LIGAMENT = [ASIS, (200, 169.5), (226, 185.5), (254, 203), PUBIC_TUBERCLE]
PATELLA_C = (236.0, 546.0)
MEDIAL_MALLEOLUS = (268.0, 952.0)   # higher, more anterior
LATERAL_MALLEOLUS = (202.0, 968.0)  # lower, more posterior


def anterior():
    runs = anterior_outline()
    half = half_polygon(runs)
    c = Carver(half)
    n45, n34, n23, n12 = ANT_NOTCHES

    # boundary curves -------------------------------------------------------
    # The thoracic bands dip from the flank towards the front midline: T10
    # round the umbilicus, T11 below it, T12 a narrow band above the
    # inguinal ligament that runs up over the iliac crest.
    A1 = curve([(100, 50), (160, 63), (210, 82), (250, 93), (280, 98), (300, 99), (340, 99)])
    A2 = curve([(100, 98), (150, 114), (190, 134), (226, 151), (260, 164), (285, 171),
                (300, 173), (340, 173)])
    IL = curve([(100, 112), (140, 128), (165, 146), ASIS] + INGUINAL_LIGAMENT[1:]
               + [(300, 226), (340, 226)])
    LH = curve([(190, 100), (183, 140), (171, 172), (156, 204), (140, 236), (122, 262), (100, 290)])
    GL = curve([(272, 205), PUBIC_TUBERCLE, (288, 240), (294, 256), (MIDX, 268), (310, 290)])
    IB = curve([(100, 176), (140, 201), (180, 232), (215, 261), (245, 289), (272, 309),
                (300, 325), (340, 345)])
    LS = curve([(146, 232), (149, 280), (155, 340), (165, 400), (178, 455), (192, 505), (200, 545)])
    LTS = curve([(100, 362), (140, 378), (172, 394), (200, 408)])
    MS = curve([(273, 300), (269, 360), (267, 420), (268, 480), (271, 530)])
    MTS = curve([(240, 392), (270, 404), (320, 424)])
    L1 = curve([(100, 240), (150, 270), (200, 302), (250, 337), (290, 362), (340, 392)])
    L2 = curve([(100, 345), (150, 378), (200, 410), (250, 444), (290, 470), (340, 500)])
    KT = curve([(150, 508), (190, 512), (225, 518), (250, 519), (275, 512), (340, 500)])
    KB = curve([(150, 612), (192, 613), (236, 618), (272, 609), (340, 600)])
    PD = curve([(PATELLA_C[0], 500), (PATELLA_C[0], 640)])
    SL = curve([(237.5, 605), (239, 660), (242, 730), (246.5, 800), (251, 860),
                (254.5, 910), (257, 950), (259, 990)])
    ALS = curve([(150, 776), (200, 783), (240, 790), (290, 798)])
    AC = curve(widen_foot([(170, 973), (204, 980), (232, 985), (258, 981), (280, 971), (340, 964)]))
    LF = curve(widen_foot([(224, 960), (218, 986), (210, 1002), (205, 1016), (203, 1030), (202, 1090)]))
    MF = curve(widen_foot([(255, 960), (257.5, 985), (261, 1000), (265, 1015), (268, 1090)]))
    TB = curve(widen_foot([(150, 1019), (192, 1021), (222, 1025), (252, 1024), (282, 1017), (340, 1012)]))
    GMT = curve(widen_foot([(262, 1004), (275, 1000), (300, 996)]))
    GM = curve(widen_foot([(268.5, 985), (269, 1010), (269.5, 1040), (270, 1090)]))

    PATELLA = [(236, 522.5), (247.5, 526.5), (254.5, 537), (254, 553), (247, 565),
               (236, 570), (225, 565), (218, 553), (217.5, 537), (224.5, 526.5)]

    # carving, in priority order ------------------------------------------
    c.take("periumbilical", above(A1))
    c.take("infraumbilical", above(A2))
    c.take("suprainguinal", above(IL))
    c.take("lateral-hip", leftof(LH))
    c.take("genital-mid", rightof(GL))
    c.take("inguinal", above(IB))
    c.take("medial-malleolus", wellipse(MEDIAL_MALLEOLUS[0] + 1.0, MEDIAL_MALLEOLUS[1], 13.0, 16.0))
    c.take("lateral-malleolus", wellipse(LATERAL_MALLEOLUS[0], LATERAL_MALLEOLUS[1], 13.5, 16.0))
    c.take("patella", closed_shape(PATELLA))
    c.take("first-web-space", wellipse(n12[0] + 0.5, n12[1] - 13.5, 12.5, 15.5))
    c.take("great-toe-medial", rightof(GM), below(GMT))
    c.take("great-toe-dorsal", below(TB), rightof(vline(n12[0])))
    c.take("little-toe", below(TB), leftof(vline(n45[0])))
    c.take("toes-dorsal", below(TB))
    c.take("medial-foot", rightof(MF), below(AC))
    c.take("lateral-foot", leftof(LF), below(AC))
    c.take("dorsum-foot", below(AC))
    c.take("medial-knee", below(KT), above(KB), rightof(PD))
    c.take("lateral-knee", below(KT), above(KB))
    c.take("anteromedial-leg", below(KB), rightof(SL))
    c.take("anterolateral-leg-upper", below(KB), above(ALS))
    c.take("anterolateral-leg-lower", below(KB))
    c.take("lateral-thigh-upper", leftof(LS), above(LTS))
    c.take("lateral-thigh-lower", leftof(LS))
    c.take("medial-thigh-upper", rightof(MS), above(MTS))
    c.take("medial-thigh-mid", rightof(MS), above(L2))
    c.take("anterior-thigh-upper", above(L1))
    c.take("anterior-thigh-mid", above(L2))
    c.remainder("anterior-thigh-lower")

    # key points (ISNCSCI 2019) ---------------------------------------------
    il = sample(spline(INGUINAL_LIGAMENT), 0.25)
    il_mid = _point_at_half_length(il)
    t12 = (il_mid[0], il_mid[1] - 9.0)         # just above the ligament's midpoint
    t10 = (211.0, NAVEL[1])                    # umbilical level, midclavicular line
    t11 = ((t10[0] + t12[0]) / 2, (t10[1] + t12[1]) / 2)
    l3 = (278.5, 548.0)                        # medial femoral condyle
    l2 = ((il_mid[0] + l3[0]) / 2, (il_mid[1] + l3[1]) / 2)
    l1 = ((t12[0] + l2[0]) / 2, (t12[1] + l2[1]) / 2)
    keypoints = [("T10", t10, "periumbilical"), ("T11", t11, "infraumbilical"),
                 ("T12", t12, "suprainguinal"), ("L1", l1, "inguinal"),
                 ("L2", l2, "anterior-thigh-mid"), ("L3", l3, "medial-knee"),
                 ("L4", MEDIAL_MALLEOLUS, "medial-malleolus"),
                 ("L5", ((n34[0] + n23[0]) / 2, 1012.0), "dorsum-foot")]

    # landmarks (lines only) --------------------------------------------------
    lm = []
    lm.append(("closed-mid", [(MIDX + 4.5 * math.sin(k * math.pi / 4), NAVEL[1] - 6 * math.cos(k * math.pi / 4))
                              for k in range(8)]))                 # umbilicus
    lm.append([(157, 96), (162.5, 116), (169, 136), (174.5, 150)])  # iliac crest to the ASIS
    lm.append([(179, 158)] + INGUINAL_LIGAMENT[1:-1] + [(278, 219.5)])  # inguinal ligament
    lm.append(("closed", PATELLA))
    lm.append([(230, 571), (231, 585), (232.5, 598)])              # patellar ligament
    lm.append([(242, 571), (241, 585), (239.5, 598)])
    lm.append([(230.5, 604), (236, 607.5), (241.5, 604)])          # tibial tuberosity
    lm.append([(291, 478), (283, 500), (270, 516), (259, 524)])    # vastus medialis
    lm.append([(172, 500), (188, 514), (207, 526)])                # vastus lateralis / ITB
    lm.append([(269, 940.5), (262.5, 946), (260.5, 953), (262.5, 960), (269, 965.5)])              # medial malleolus
    lm.append([(201.5, 954), (208.5, 960), (210.5, 968), (208.5, 976), (201.5, 982)])              # lateral malleolus
    for n, h in ((n45, 6.0), (n34, 7.0), (n23, 7.0), (n12, 9.0)):
        lm.append([n, (n[0] + 0.3, n[1] - h)])                     # toe clefts
    for x0, x1, ytip, depth in ((191.5, 200.5, 1051.5, 6.0), (206.5, 216.5, 1057.5, 7.0),
                                (222.0, 232.0, 1063.5, 7.5), (238.5, 249.5, 1068.5, 8.5),
                                (261.0, 280.0, 1071.5, 11.0)):
        (x0, _), (x1, _) = widen_foot([(x0, ytip), (x1, ytip)])
        lm.append(nail(x0, x1, ytip, depth))
    return dict(runs=runs, half=half, regions=c.regions(), keypoints=keypoints,
                landmarks=lm, extra_runs=[])


def _point_at_half_length(pts):
    total = sum(_dist(pts[i], pts[i + 1]) for i in range(len(pts) - 1))
    acc = 0.0
    for i in range(len(pts) - 1):
        d = _dist(pts[i], pts[i + 1])
        if acc + d >= total / 2:
            t = (total / 2 - acc) / d
            return (pts[i][0] + t * (pts[i + 1][0] - pts[i][0]),
                    pts[i][1] + t * (pts[i + 1][1] - pts[i][1]))
        acc += d
    return pts[-1]


# ---------------------------------------------------------------------------
# Posterior parcellation
# ---------------------------------------------------------------------------

ANUS = (MIDX, 248.0)
ANUS_R = 3.5
# the gluteal fold under the buttock, medial to lateral
GLUTEAL_FOLD = [(277, 279), (262, 287.5), (244, 292.5), (224, 294), (205, 291),
                (188, 284), (175, 273)]


def posterior():
    runs = posterior_outline()
    half = half_polygon(runs)
    sole_runs = sole_outline()
    sole = closed_runs_polygon(sole_runs)
    # the anus is a hole in the skin's regions: a small disk no root supplies
    c = Carver(half.union(sole).difference(wellipse(ANUS[0], ANUS[1], ANUS_R, ANUS_R)))

    # Keegan and Garrett's bands leave the dorsal midline one below the
    # other and fan out: L1-L3 over the lower back round the flank, L4 over
    # the upper buttock, L5 across the buttock to the posterolateral thigh,
    # S1 through its middle into the posterior thigh, S2 beside the cleft.
    K1 = curve([(100, 92), (158, 70), (200, 56), (250, 43), (MIDX, 36), (340, 33)])
    K2 = curve([(100, 130), (150, 108), (200, 84), (250, 66), (MIDX, 58), (340, 55)])
    K3 = curve([(100, 178), (140, 155), (170, 138), (210, 112), (255, 90), (MIDX, 80), (340, 77)])
    K4 = curve([(100, 215), (125, 199), (160, 180), (190, 156), (225, 132), (262, 113),
                (MIDX, 102), (340, 98)])
    gf = list(reversed(GLUTEAL_FOLD))
    K5 = curve([(203, 420), (205, 340), gf[2], (213, 255), (227, 208), (245, 169),
                (268, 140), (MIDX, 124), (340, 118)])
    K6 = curve([(229, 420), (230, 340), gf[4], (238, 255), (249, 214), (266, 178),
                (284, 160), (MIDX, 150), (340, 145)])
    SLAT = curve([(245, 40), (246.5, 90), (249, 112), (256, 142), (269, 172), (286, 198),
                  (MIDX, 214), (310, 240)])                  # lateral edge of the sacrum
    GF = curve([(100, 250), (150, 262)] + gf + [(292, 276), (MIDX, 276), (340, 276)])
    GF2 = curve([(150, 300), (236, 310), (250, 312), (264, 308.5), (277, 300.5),
                 (290, 292), (MIDX, 289), (340, 289)])     # the fold's lower lip
    IGL = curve([(gf[4][0], 250), gf[4], (240, 312), (236, 350)])
    TL = curve([(203, 250), gf[2], (206, 340), (208, 400), (210, 460), (211.5, 520),
                (212, 574), (213, 640)])
    TM = curve([(276, 250), (273, 300), (270.5, 380), (270, 460), (270.5, 520), (270, 574)])
    KL = curve([(100, KNEE_Y), (340, KNEE_Y)])
    CL = curve([(212, KNEE_Y), (213.5, 640), (219, 720), (225.5, 800), (230.5, 880),
                (233.5, 960), (235, 1090)])
    CR = curve([(270, KNEE_Y), (267, 640), (263, 720), (258, 800), (254.5, 880),
                (252.5, 960), (251.5, 1090)])
    MC = curve([(200, 742), (214, 749), (227, 762), (241, 767), (254, 761), (266, 749), (285, 742)])
    AT = curve([(150, 884), (200, 885), (240, 889), (290, 885), (340, 884)])
    HT = curve([(150, 984), (200, 987), (226, 993), (242, 996), (258, 991), (280, 982), (340, 978)])
    HM = curve([(251, 980), (254, 1000), (258.5, 1020), (263, 1040), (268, 1090)])
    fossa = (241.0, KNEE_Y)
    fossa_poly = closed_shape([(241, 528), (256, 551), (270, 574), (256, 598),
                               (241, 621), (226, 598), (212, 574), (226, 551)])

    # soles (viewer-left sole only; carved first so that no leg region
    # reaches into the inset)
    sole_box = box(0, 760, 165, 1080)
    HB = curve([(20, 972), (60, 976), (90, 978), (120, 975), (160, 970)])
    SLL = curve([(68, 780), (68.5, 850), (70.5, 900), (73, 950), (76, 1000)])
    c.take("sole-heel", below(HB), sole_box)
    c.take("sole-lateral", leftof(SLL), sole_box)
    c.take("sole-medial", sole_box)

    c.take("perianal-inner-mid", wellipse(ANUS[0], ANUS[1], 19.5, 19.5))
    c.take("perianal-outer-mid", wellipse(ANUS[0], ANUS[1], 35.5, 35.5))
    c.take("lumbar-upper", above(K1))
    c.take("lumbar-middle", above(K2))
    c.take("lumbar-lower", above(K3))
    c.take("lumbosacral", above(K4), rightof(SLAT))
    c.take("buttock-upper", above(K4))
    c.take("sacral-upper", above(K5), rightof(SLAT))
    c.take("buttock-lateral", above(K5), above(GF))
    c.take("sacral-lower", above(K6), rightof(SLAT))
    c.take("buttock-central", above(K6), above(GF))
    c.take("buttock-medial", above(GF))
    c.take("infragluteal", above(GF2), rightof(IGL))
    c.take("popliteal-fossa", fossa_poly)
    c.take("lateral-heel", below(HT), leftof(HM))
    c.take("medial-heel", below(HT))
    c.take("achilles", below(AT), rightof(CL), leftof(CR))
    c.take("calf-lower", below(MC), rightof(CL), leftof(CR))
    c.take("calf-central", below(KL), rightof(CL), leftof(CR))
    c.take("posterolateral-calf", below(KL), leftof(CL))
    c.take("posteromedial-calf", below(KL))
    c.take("posterolateral-thigh", leftof(TL))
    c.take("posteromedial-thigh", rightof(TM))
    c.remainder("posterior-thigh-central")

    keypoints = [("S1", (225.0, 1020.0), "lateral-heel"),
                 ("S2", fossa, "popliteal-fossa"),
                 ("S3", (253.0, 301.0), "infragluteal"),
                 # ISNCSCI scores S4-5 on the right and on the left, in the
                 # perianal skin less than 1 cm lateral to the mucocutaneous
                 # junction: a point on each side of the anus
                 ("S4-5", (ANUS[0] - 11.5, ANUS[1]), "perianal-inner-mid")]

    lm = []
    lm.append([(MIDX, TOP), (MIDX, 80), (MIDX, 146)])              # dorsal midline (its own mirror)
    lm.append([(MIDX, 168), (MIDX, 210), (MIDX, 244.5)])           # natal cleft, to the anus
    lm.append(("closed-mid", [(MIDX + ANUS_R * math.sin(k * math.pi / 4),
                               ANUS[1] - ANUS_R * math.cos(k * math.pi / 4))
                              for k in range(8)]))                 # anus
    lm.append([(251, 103), (239, 89), (222, 79), (201, 73), (180, 71)])  # posterior iliac crest
    lm.append([(250, 108), (255, 113.5), (260.5, 110)])           # dimple over the PSIS
    lm.append([(259, 121), (275, 143), (292, 165)])               # edge of the sacral triangle
    # gluteal fold, running on into the lateral rim of the buttock
    lm.append(GLUTEAL_FOLD + [(166, 256), (161.5, 236), (161, 218)])
    lm.append([(224, 578), (241, 582), (258, 578)])               # popliteal crease
    lm.append([(214, 546), (219, 522), (221, 496)])               # biceps femoris tendon
    lm.append([(268, 546), (263, 522), (261, 496)])               # semitendinosus tendon
    lm.append([(216, 626), (213.5, 676), (218, 730)])             # lateral head of gastrocnemius
    lm.append([(266, 626), (273, 700), (266, 778)])               # medial head: lower, fuller
    lm.append([(235, 830), (237.5, 900), (238.5, 972)])           # Achilles tendon
    lm.append([(251.5, 830), (249.5, 900), (248.5, 972)])
    lm.append([(269, 940.5), (262.5, 946), (260.5, 953), (262.5, 960), (269, 965.5)])             # medial malleolus
    lm.append([(201.5, 954), (208.5, 960), (210.5, 968), (208.5, 976), (201.5, 982)])             # lateral malleolus
    lm.append([(213, 1022), (226, 1032), (240, 1035.5), (254.5, 1032), (266, 1022)])  # heel pad
    # sole inset: plantar creases at the toe bases and of the great toe
    n54, n43, n32, n21 = SOLE_NOTCHES
    for x0, y0, x1, y1 in ((45, n54[1] - 2, n54[0] - 1.5, n54[1]),
                           (n54[0] + 1.5, n54[1], n43[0] - 1.5, n43[1]),
                           (n43[0] + 1.5, n43[1], n32[0] - 1.5, n32[1]),
                           (n32[0] + 1.5, n32[1], n21[0] - 1.5, n21[1]),
                           (n21[0] + 2, n21[1], 136, n21[1] - 3)):
        lm.append([(x0, y0), ((x0 + x1) / 2, max(y0, y1) + 3), (x1, y1)])
    lm.append([(113, 814), (123.5, 816.5), (135, 814)])          # great toe IP crease
    return dict(runs=runs, half=half, regions=c.regions(), keypoints=keypoints,
                landmarks=lm, extra_runs=[sole_runs], sole=sole)

# ---------------------------------------------------------------------------
# From shapely geometry to exact integer rings (hundredths of a unit)
# ---------------------------------------------------------------------------

def q(v):
    return int(round(v * 100.0))


def ring_int(coords):
    out = []
    for x, y in coords:
        p = (q(x), q(y))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def geom_rings(g):
    """[(exterior, [holes])] of integer rings."""
    parts = []
    for poly in polygons_of(g):
        ext = ring_int(poly.exterior.coords)
        holes = [ring_int(r.coords) for r in poly.interiors]
        holes = [h for h in holes if len(h) >= 3]
        if len(ext) >= 3:
            parts.append((ext, holes))
    return parts


def mirror_rings(parts):
    m = int(round(2 * MIDX * 100))
    return [([(m - x, y) for x, y in reversed(ext)],
             [[(m - x, y) for x, y in reversed(h)] for h in holes])
            for ext, holes in parts]


def rings_to_geom(parts):
    polys = [Polygon([(x / 100.0, y / 100.0) for x, y in ext],
                     [[(x / 100.0, y / 100.0) for x, y in h] for h in holes])
             for ext, holes in parts]
    if len(polys) == 1:
        return polys[0]
    return MultiPolygon(polys)


def snap(all_parts):
    """Merge output vertices closer than SNAP hundredths (near-coincident
    curve intersections) to one representative, then drop duplicate points,
    spikes and degenerate rings."""
    pts = set()
    for parts in all_parts.values():
        for ext, holes in parts:
            for ring in [ext] + holes:
                pts.update(ring)
    cell = 8
    reps = {}
    grid = {}
    for p in sorted(pts):
        gx, gy = p[0] // cell, p[1] // cell
        found = None
        for ix in (gx - 1, gx, gx + 1):
            for iy in (gy - 1, gy, gy + 1):
                for r in grid.get((ix, iy), ()):
                    if abs(r[0] - p[0]) <= SNAP and abs(r[1] - p[1]) <= SNAP:
                        found = r
                        break
                if found:
                    break
            if found:
                break
        if found:
            reps[p] = found
        else:
            reps[p] = p
            grid.setdefault((gx, gy), []).append(p)

    def clean(ring):
        r = []
        for p in ring:
            p = reps[p]
            if not r or r[-1] != p:
                r.append(p)
        while len(r) > 1 and r[0] == r[-1]:
            r.pop()
        changed = True
        while changed and len(r) >= 3:
            changed = False
            n = len(r)
            for i in range(n):
                if r[i - 1] == r[(i + 1) % n]:
                    # spike a -> b -> a: drop b and one a
                    j = (i + 1) % n
                    for k in sorted({i, j}, reverse=True):
                        del r[k]
                    changed = True
                    break
                if r[i] == r[i - 1]:
                    del r[i]
                    changed = True
                    break
        return r if len(r) >= 3 else None

    out = {}
    for name, parts in all_parts.items():
        new = []
        for ext, holes in parts:
            e = clean(ext)
            if e is None:
                continue
            hs = [h for h in (clean(h) for h in holes) if h is not None]
            new.append((e, hs))
        out[name] = new
    return out


def conform(all_parts):
    """Insert into every ring segment the vertices of other rings lying on it,
    so that neighbouring regions share exactly the same vertices."""
    cell = 400
    grid = {}
    for parts in all_parts.values():
        for ext, holes in parts:
            for ring in [ext] + holes:
                for p in ring:
                    grid.setdefault((p[0] // cell, p[1] // cell), set()).add(p)
    tol2 = 1.0 ** 2

    def fix(ring):
        out = []
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            out.append(a)
            x0, x1 = min(a[0], b[0]) - 2, max(a[0], b[0]) + 2
            y0, y1 = min(a[1], b[1]) - 2, max(a[1], b[1]) + 2
            dx, dy = b[0] - a[0], b[1] - a[1]
            l2 = dx * dx + dy * dy
            if l2 == 0:
                continue
            found = []
            for gx in range(x0 // cell, x1 // cell + 1):
                for gy in range(y0 // cell, y1 // cell + 1):
                    for p in grid.get((gx, gy), ()):
                        if p == a or p == b:
                            continue
                        if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
                            continue
                        t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2
                        if t <= 0 or t >= 1:
                            continue
                        ex = a[0] + t * dx - p[0]
                        ey = a[1] + t * dy - p[1]
                        if ex * ex + ey * ey <= tol2:
                            found.append((t, p))
            for t, p in sorted(found):
                if out[-1] != p:
                    out.append(p)
        return out

    return {name: [(fix(ext), [fix(h) for h in holes]) for ext, holes in parts]
            for name, parts in all_parts.items()}


# ---------------------------------------------------------------------------
# Building a view
# ---------------------------------------------------------------------------

MIDLINE = {"genital-mid", "perianal-outer-mid", "perianal-inner-mid"}
VIEW_SIDE = {"anterior": "right", "posterior": "left"}   # patient side of the viewer's left half
OTHER = {"right": "left", "left": "right"}

EXPECTED = {
    "anterior": ["periumbilical", "infraumbilical",
                 "suprainguinal", "lateral-hip", "inguinal", "anterior-thigh-upper",
                 "anterior-thigh-mid", "anterior-thigh-lower", "medial-thigh-upper",
                 "medial-thigh-mid", "lateral-thigh-upper", "lateral-thigh-lower",
                 "patella", "medial-knee", "lateral-knee", "anteromedial-leg",
                 "anterolateral-leg-upper", "anterolateral-leg-lower",
                 "medial-malleolus", "lateral-malleolus", "medial-foot", "dorsum-foot",
                 "first-web-space", "great-toe-dorsal", "great-toe-medial",
                 "toes-dorsal", "lateral-foot", "little-toe", "genital-mid"],
    "posterior": ["lumbar-upper", "lumbar-middle", "lumbar-lower", "lumbosacral",
                  "sacral-upper", "sacral-lower",
                  "buttock-upper", "buttock-lateral", "buttock-central", "buttock-medial",
                  "infragluteal",
                  "posterior-thigh-central", "posterolateral-thigh", "posteromedial-thigh",
                  "popliteal-fossa", "calf-central", "calf-lower",
                  "posterolateral-calf", "posteromedial-calf", "achilles", "medial-heel",
                  "lateral-heel", "sole-medial", "sole-lateral", "sole-heel",
                  "perianal-outer-mid", "perianal-inner-mid"],
}


def expected_ids(view):
    ids = []
    for name in EXPECTED[view]:
        if name in MIDLINE:
            ids.append(name)
        else:
            ids.append(name + "-right")
            ids.append(name + "-left")
    return ids


def build(view):
    spec = anterior() if view == "anterior" else posterior()
    side = VIEW_SIDE[view]
    half_parts = {}
    for name, g in spec["regions"]:
        key = name if name in MIDLINE else "%s-%s" % (name, side)
        half_parts[key] = geom_rings(g)
    half_parts = conform(snap(half_parts))
    regions = {}
    for key, parts in half_parts.items():
        if key in MIDLINE:
            whole = unary_union([rings_to_geom(parts), rings_to_geom(mirror_rings(parts))])
            regions[key] = geom_rings(whole)
        else:
            regions[key] = parts
            regions[key[: -len(side)] + OTHER[side]] = mirror_rings(parts)
    regions = conform(snap(regions))

    order = expected_ids(view)
    extra = sorted(k for k in regions if k not in order)
    ordered = [(k, regions[k]) for k in order if k in regions] + [(k, regions[k]) for k in extra]

    kps = []
    for root, p, region in spec["keypoints"]:
        p = warp(p)
        p = (round(p[0] * 2) / 2, round(p[1] * 2) / 2)    # half units, as written
        # a key point in a midline region (S4-5, perianal) is still scored
        # on each side: one point on each side of the midline, in that region
        rside = "" if region in MIDLINE else "-" + side
        rother = "" if region in MIDLINE else "-" + OTHER[side]
        kps.append(("kp-%s-%s" % (root, side), p, region + rside))
        kps.append(("kp-%s-%s" % (root, OTHER[side]), mirror_pt(p), region + rother))
    kps.sort(key=lambda k: (k[0].endswith("-left"), k[0]))

    # outline: legs (+ soles inset)
    out_segs = [full_outline_segments(spec["runs"])]
    for sr in spec["extra_runs"]:
        segs = outline_segments(sr)
        out_segs.append(segs)
        out_segs.append(mirror_segs(segs))
    silhouette = unary_union([spec["half"], _mirror_poly(spec["half"])]
                             + ([spec["sole"], _mirror_poly(spec["sole"])] if "sole" in spec else []))

    landmarks = []
    for lm in spec["landmarks"]:
        if isinstance(lm, tuple) and lm[0] == "closed-mid":     # its own mirror
            landmarks.append((closed_spline(lm[1]), True))
        elif isinstance(lm, tuple) and lm[0] == "closed":
            segs = closed_spline(lm[1])
            landmarks.append((segs, True))
            landmarks.append(([tuple(mirror_pt(p) for p in s) for s in segs], True))
        else:
            segs = spline(lm)
            landmarks.append((segs, False))
            if not all(abs(p[0] - MIDX) < 1e-9 for p in lm):
                landmarks.append(([tuple(mirror_pt(p) for p in s) for s in segs], False))
    return dict(view=view, regions=ordered, keypoints=kps, outline=out_segs,
                silhouette=silhouette, landmarks=landmarks)


def _mirror_poly(p):
    return Polygon([mirror_pt(c) for c in p.exterior.coords])


# ---------------------------------------------------------------------------
# SVG writing
# ---------------------------------------------------------------------------

def fnum(v):
    s = "%.2f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fint(X):
    neg = X < 0
    X = abs(X)
    s = str(X // 100)
    r = X % 100
    if r:
        s += ("." + "%02d" % r).rstrip("0")
    return ("-" + s) if neg and s != "0" else s


def bez_d(segs, closed=False):
    out = ["M%s %s" % (fnum(segs[0][0][0]), fnum(segs[0][0][1]))]
    for p0, c1, c2, p3 in segs:
        out.append("C%s %s %s %s %s %s" % (fnum(c1[0]), fnum(c1[1]), fnum(c2[0]),
                                           fnum(c2[1]), fnum(p3[0]), fnum(p3[1])))
    if closed:
        out.append("Z")
    return "".join(out)


def ring_d(ring):
    pts = ["%s %s" % (fint(x), fint(y)) for x, y in ring]
    return "M" + pts[0] + "L" + " ".join(pts[1:]) + "Z"


def region_d(parts):
    return "".join(ring_d(ext) + "".join(ring_d(h) for h in holes) for ext, holes in parts)


def svg_text(model, fills=None):
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">'
         % (WIDTH, HEIGHT, WIDTH, HEIGHT)]
    d = "".join(bez_d(segs, closed=True) for segs in model["outline"])
    L.append('  <g id="silhouette"><path id="silhouette-outline" d="%s" fill="%s" '
             'stroke="#3a3a3a" stroke-width="2.5" stroke-linejoin="round"/></g>' % (d, SKIN))
    L.append('  <g id="regions" fill="%s" stroke="#b0a49a" stroke-width="0.6">' % SKIN)
    for rid, parts in model["regions"]:
        fill = (' fill="%s"' % fills[rid]) if fills else ""
        L.append('    <path id="%s" class="region" fill-rule="evenodd"%s d="%s"/>'
                 % (rid, fill, region_d(parts)))
    L.append('  </g>')
    L.append('  <g id="landmarks" fill="none" stroke="#8a7c72" stroke-width="1" '
             'stroke-linecap="round">')
    for segs, closed in model["landmarks"]:
        L.append('    <path class="landmark" d="%s"/>' % bez_d(segs, closed))
    L.append('  </g>')
    L.append('  <g id="key-points" fill="#222" stroke="none">')
    for kid, p, _ in model["keypoints"]:
        L.append('    <circle id="%s" class="key-point" cx="%s" cy="%s" r="3.5"/>'
                 % (kid, fnum(p[0]), fnum(p[1])))
    L.append('  </g>')
    L.append('</svg>')
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------------------
# The art: shading for form and contour lines, drawn by the app with librsvg
# over the region fills and under the borders and labels (anterior-art.svg,
# posterior-art.svg).  Two layers: #shading (soft gradients of low opacity:
# the skin turning away at the edges, creases, muscle swells, bony points)
# and #contours (fine lines).  Nothing here may take a click or a colour:
# shading keeps clear of every region's label point (checked), so the root
# colour is exact where its label names it.
# ---------------------------------------------------------------------------

SHADOW = "#3b2314"        # a warm brown: shadows on skin, not grey smears
CONTOUR = "#4a4a4a"     # neutral: grayscale and worksheet draw the contours too

# Radial gradients over an ellipse's bounding box, fading to nothing at its
# rim: (id, colour, peak opacity).
ART_GRADIENTS = [("hl", "#ffffff", 0.26), ("hl-soft", "#ffffff", 0.16),
                 ("sh", SHADOW, 0.20), ("sh-soft", SHADOW, 0.12)]
# The band along the skin's edge: rings inside the outline, the outermost
# darkest, so the edge darkens in small steps.  Filled polygons, solid and
# without antialiasing (their steps are too faint to show jaggies; the
# outline's stroke covers their outer edge): librsvg and cairo fill them
# several times faster than wide strokes or gradients, and nothing needs a
# clip.  (depth from the outline, opacity)
EDGE_RINGS = ((1.6, 0.18), (2.7, 0.15), (3.8, 0.12), (4.9, 0.09), (6.0, 0.06), (7.0, 0.03))
# ... ending lower the nearer the outline they are, so the band tapers out
# above the toes and heels, which are too small for it (y of the deepest
# ring's end, of the outermost's)
EDGE_END = {"anterior": (905.0, 950.0), "posterior": (955.0, 995.0)}
LABEL_CLEAR = 4.5          # shading keeps this far from where labels go


def art_spec(view):
    """Shading and contour items of the viewer's left half (mirrored)."""
    if view == "anterior":
        items = [
            # creases: inguinal fold, between the thighs
            ("crease", [(181, 162), (204, 174), (228, 188.5), (254, 205), (276, 220)], 7.0, 0.07),
            # quadriceps: vastus medialis's teardrop above the knee
            ("hl", (280.0, 497.0, 7.0, 15.0, -25.0), "hl-soft"),
            # patella: its upper rim catches the light
            ("hl", (236.0, 525.5, 9.5, 3.2, 0.0), "hl"),
            # the tibia: the shin's flat medial face catches the light
            ("hl", (244.0, 730.0, 6.0, 44.0, -3.0), "hl-soft"),
            ("hl", (250.0, 880.0, 5.0, 38.0, -4.0), "hl-soft"),
            # malleoli: bumps that cast a little shadow below
            ("sh", (268.0, 971.5, 7.5, 3.0, 0.0), "sh-soft"),
        ]
        contours = [
            # the tibial crest, from the tuberosity curving medially to the ankle
            ([(237, 612), (238.5, 660), (241.5, 730), (245.5, 800), (250, 870), (254, 930)], 0.7, 0.30),
            # the edge of the tibialis anterior beside it
            ([(226, 640), (229, 700), (233, 770), (239, 840)], 0.6, 0.18),
            # the medial gastrocnemius seen from in front
            ([(287, 650), (283.5, 700), (279, 760)], 0.6, 0.18),
        ]
    else:
        items = [
            # the natal cleft and the gluteal folds, the skin folding in
            ("crease", [(MIDX, 166), (MIDX, 188), (MIDX, 206)], 9.0, 0.09),
            ("crease", [(277, 278), (262, 286.5), (244, 291.5), (224, 293), (205, 290),
                        (188, 283), (177, 273)], 4.0, 0.10),
            # the buttock: round, lit above and laterally, darker towards
            # the fold and the cleft
            ("hl", (215.0, 222.0, 10.0, 18.0, 20.0), "hl-soft"),
            ("hl", (252.0, 238.0, 12.0, 20.0, -25.0), "hl-soft"),
            # the erector spinae beside the spine's furrow
            ("crease", [(MIDX, 20), (MIDX, 80), (MIDX, 120)], 6.0, 0.06),
            # hamstrings
            ("hl", (214.0, 380.0, 7.0, 36.0, 3.0), "hl-soft"),
            ("hl", (262.0, 400.0, 6.0, 32.0, -3.0), "hl-soft"),
            # gastrocnemius: the medial head lower and fuller, the lateral
            # higher, a groove between them, and the shadow where the
            # muscle gives way to the tendon
            ("hl", (216.0, 668.0, 8.0, 26.0, 6.0), "hl"),
            ("sh", (257.0, 823.0, 6.0, 18.0, 8.0), "sh-soft"),
            ("sh", (227.0, 823.0, 6.0, 18.0, -8.0), "sh-soft"),
            # the Achilles tendon stands out between two hollows
            ("sh", (228.5, 925.0, 3.5, 18.0, 0.0), "sh-soft"),
            ("sh", (257.5, 925.0, 3.5, 18.0, 0.0), "sh-soft"),
            # soles: the arch does not bear weight
            ("sh", (119.0, 905.0, 5.5, 28.0, 4.0), "sh-soft"),
        ]
        contours = [
            # the sacral dimples' line to the cleft
            ([(262, 126), (280, 150), (296, 166)], 0.6, 0.15),
        ]
    return items, contours


def mirrored_pts(pts):
    out = [pts]
    if not all(abs(x - MIDX) < 1e-9 for x, _ in pts):
        out.append([mirror_pt(p) for p in pts])
    return out


def mirrored_ellipse(e):
    cx, cy, rx, ry, rot = e
    cx, cy = warp((cx, cy))
    e = (cx, cy, rx, ry, rot)
    if abs(cx - MIDX) < 1e-9:
        return [e]
    return [e, (2 * MIDX - cx, cy, rx, ry, -rot)]


def ellipse_footprint(e, scale=0.92):
    """Where an ellipse's gradient shows at all (it fades to 0 at its rim)."""
    cx, cy, rx, ry, rot = e
    return ellipse(cx, cy, rx * scale, ry * scale, rot)


def label_cores(model):
    """Where each region's label point may fall: the app puts it at the
    pixel deepest inside the region, somewhere in its deep core."""
    cores = []
    for rid, parts in model["regions"]:
        g = rings_to_geom(parts)
        r = inscribed_radius(g)
        core = g.buffer(-0.72 * r)
        if core.is_empty:
            core = g.representative_point()
        cores.append((rid, core))
    return cores


def art_model(model):
    view = model["view"]
    items, contours = art_spec(view)
    shapes = []        # (kind, data, gradient or strength, footprint)
    for item in items:
        if item[0] in ("hl", "sh"):
            for e in mirrored_ellipse(item[1]):
                shapes.append(("ellipse", e, item[2], ellipse_footprint(e)))
        else:
            _, pts, width, alpha = item
            for run in mirrored_pts(pts):
                segs = spline(run)
                line = sample(segs)
                from shapely.geometry import LineString
                shapes.append(("crease", segs, (width, alpha),
                               LineString(line).buffer(width / 2 * 0.9)))
    lines = []
    for pts, width, alpha in contours:
        for run in mirrored_pts(pts):
            lines.append((spline(run), width, alpha))
    return shapes, lines


def art_text(model):
    view = model["view"]
    shapes, lines = art_model(model)
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">'
         % (WIDTH, HEIGHT, WIDTH, HEIGHT),
         '  <defs>']
    used = {paint for kind, _, paint, _ in shapes if kind == "ellipse"}
    for gid, colour, peak in ART_GRADIENTS:
        if gid not in used:
            continue
        L.append('    <radialGradient id="%s"><stop offset="0" stop-color="%s" stop-opacity="%s"/>'
                 '<stop offset="0.45" stop-color="%s" stop-opacity="%s"/>'
                 '<stop offset="1" stop-color="%s" stop-opacity="0"/></radialGradient>'
                 % (gid, colour, fnum(peak), colour, fnum(peak * 0.55), colour))
    L.append('  </defs>')
    L.append('  <g id="shading">')
    L.append('    <g fill="%s" shape-rendering="crispEdges">' % SHADOW)
    for ring, alpha in edge_rings(model):
        L.append('      <path fill-rule="evenodd" fill-opacity="%s" d="%s"/>' % (fnum(alpha), poly_d(ring)))
    L.append('    </g>')
    for kind, data, paint, _ in shapes:
        if kind == "ellipse":
            cx, cy, rx, ry, rot = data
            tr = (' transform="rotate(%s %s %s)"' % (fnum(rot), fnum(cx), fnum(cy))) if rot else ""
            L.append('    <ellipse cx="%s" cy="%s" rx="%s" ry="%s"%s fill="url(#%s)"/>'
                     % (fnum(cx), fnum(cy), fnum(rx), fnum(ry), tr, paint))
        else:
            width, alpha = paint
            for w, a in ((width, alpha * 0.5), (width * 0.55, alpha * 0.5), (width * 0.25, alpha * 0.6)):
                L.append('    <path d="%s" fill="none" stroke="%s" stroke-opacity="%s" stroke-width="%s" '
                         'stroke-linecap="round" stroke-linejoin="round"/>'
                         % (bez_d(data), SHADOW, fnum(a), fnum(w)))
    L.append('  </g>')
    L.append('  <g id="contours" fill="none" stroke="%s" stroke-linecap="round">' % CONTOUR)
    for segs, width, alpha in lines:
        L.append('    <path d="%s" stroke-width="%s" stroke-opacity="%s"/>'
                 % (bez_d(segs), fnum(width), fnum(alpha)))
    L.append('  </g>')
    L.append('</svg>')
    return "\n".join(L) + "\n"


def edge_rings(model):
    """The edge band's rings, (polygon, opacity), outermost first: the skin
    between two depths from the outline.  The legs are first carried on
    above the top cut, so that the band runs down the flanks but not along
    the cut."""
    sil = model["silhouette"]
    carried = unary_union([sil, box(150, TOP - 80, WIDTH - 150, TOP + 0.5)])
    end_deep, end_out = EDGE_END[model["view"]]
    rings = []
    outer = sil
    n = len(EDGE_RINGS)
    for k, (depth, alpha) in enumerate(EDGE_RINGS):
        inner = carried.buffer(-depth, join_style=1)
        end = end_out + (end_deep - end_out) * k / (n - 1)
        ring = outer.difference(inner).intersection(box(-10, -10, WIDTH + 10, end))
        rings.append((ring.simplify(0.15), alpha))
        outer = sil.intersection(inner)
    return rings


def poly_d(g):
    out = []
    for poly in polygons_of(g):
        for r in [poly.exterior] + list(poly.interiors):
            pts = list(r.coords)[:-1]
            out.append("M" + " ".join("%s %s" % (fnum1(x), fnum1(y)) for x, y in pts) + "Z")
    return "".join(out)


def fnum1(v):
    s = "%.1f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def art_check(model):
    """Shading keeps clear of every label point and stays on the skin."""
    errors = []
    view = model["view"]
    shapes, _ = art_model(model)
    band = unary_union([ring for ring, _ in edge_rings(model)])
    sil = model["silhouette"]
    for kind, data, _, foot in shapes:
        if not sil.buffer(0.5).contains(foot):
            what = ("ellipse at %s,%s" % (fnum(data[0]), fnum(data[1]))) if kind == "ellipse" else "crease"
            errors.append("%s art: %s reaches off the skin" % (view, what))
    for rid, core in label_cores(model):
        zone = core.buffer(LABEL_CLEAR)
        c = core.centroid
        for kind, data, _, foot in shapes:
            if foot.intersects(zone):
                what = ("ellipse at %s,%s" % (fnum(data[0]), fnum(data[1]))) if kind == "ellipse" else "crease"
                errors.append("%s art: %s shades the label point of %s (about %.1f, %.1f)"
                              % (view, what, rid, c.x, c.y))
        if rid not in MIDLINE and band.distance(core) < 1.0:
            errors.append("%s art: the edge band shades the label point of %s (about %.1f, %.1f)"
                          % (view, rid, c.x, c.y))
    return errors


# ---------------------------------------------------------------------------
# Self-checks
# ---------------------------------------------------------------------------

def inscribed_radius(g):
    best = 0.0
    for poly in polygons_of(g):
        p = polylabel(poly, tolerance=0.2)
        best = max(best, poly.boundary.distance(p))
    return best


def self_check(model):
    view = model["view"]
    errors = []
    geoms = {rid: rings_to_geom(parts) for rid, parts in model["regions"]}

    want = expected_ids(view)
    for rid in want:
        if rid not in geoms:
            errors.append("%s: region %s missing" % (view, rid))
    for rid in geoms:
        if rid not in want:
            errors.append("%s: unexpected region %s" % (view, rid))

    for rid, g in geoms.items():
        if not g.is_valid:
            errors.append("%s: region %s is not a valid polygon" % (view, rid))
            g = g.buffer(0)
            geoms[rid] = g
        r = inscribed_radius(g)
        if r < MIN_INSCRIBED:
            errors.append("%s: region %s too small (inscribed radius %.2f < %.1f)"
                          % (view, rid, r, MIN_INSCRIBED))

    ids = list(geoms)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            a, b = geoms[ids[i]], geoms[ids[j]]
            if not a.envelope.intersects(b.envelope):
                continue
            area = a.intersection(b).area
            if area >= MAX_OVERLAP:
                errors.append("%s: regions %s and %s overlap (area %.3f)"
                              % (view, ids[i], ids[j], area))

    union = unary_union(list(geoms.values()))
    sil = model["silhouette"]
    diff = union.symmetric_difference(sil).area
    if diff >= MAX_UNION_DIFF * sil.area:
        errors.append("%s: union of regions differs from the silhouette (%.2f of %.0f units^2)"
                      % (view, diff, sil.area))

    for kid, p, region in model["keypoints"]:
        g = geoms.get(region)
        pt = Point(p)
        if g is None:
            errors.append("%s: key point %s: region %s missing" % (view, kid, region))
        elif not g.contains(pt):
            errors.append("%s: key point %s not inside region %s" % (view, kid, region))
        elif region in MIDLINE and kid.endswith("-" + VIEW_SIDE[view]) != (p[0] < MIDX):
            errors.append("%s: key point %s is not on the patient's %s side of the midline"
                          % (view, kid, kid.rsplit("-", 1)[1]))
        elif g.boundary.distance(pt) < KP_MARGIN:
            errors.append("%s: key point %s only %.2f from the edge of region %s"
                          % (view, kid, g.boundary.distance(pt), region))
    return errors, len(geoms)


# ---------------------------------------------------------------------------

def debug_output(model, text, outdir):
    rnd = random.Random(1)
    fills = {}
    for rid, _ in model["regions"]:
        fills[rid] = "#%02x%02x%02x" % (rnd.randint(90, 250), rnd.randint(90, 250), rnd.randint(90, 250))
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, model["view"])
    with open(base + ".svg", "w") as f:
        f.write(text)
    with open(base + "-debug.svg", "w") as f:
        f.write(svg_text(model, fills))
    if shutil.which("rsvg-convert"):
        for name in (base, base + "-debug"):
            with open(name + ".png", "wb") as out:
                subprocess.run(["rsvg-convert", "-w", "600", name + ".svg"], stdout=out, check=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="verify the committed SVGs are up to date and run self-checks")
    ap.add_argument("--debug", metavar="DIR", help="write debug renderings to DIR")
    args = ap.parse_args()

    problems = []
    summary = []
    for view in ("anterior", "posterior"):
        model = build(view)
        text = svg_text(model)
        art = art_text(model)
        errors, n = self_check(model)
        problems.extend(errors)
        problems.extend(art_check(model))
        summary.append("%s %d regions %d key points %d KB (art %d KB)"
                       % (view, n, len(model["keypoints"]), len(text) // 1024, len(art) // 1024))
        if args.debug:
            debug_output(model, text, args.debug)
        for path, content in ((OUTPUTS[view], text), (ART_OUTPUTS[view], art)):
            if args.check:
                try:
                    with open(path, encoding="utf-8") as f:
                        old = f.read()
                except OSError:
                    old = None
                if old != content:
                    problems.append("%s is out of date (drift from generate.py): run "
                                    "/usr/bin/python3 data/maps/src/generate.py and commit"
                                    % os.path.relpath(path, os.path.dirname(os.path.dirname(MAPS_DIR))))
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(content)
    if problems:
        for p in problems:
            print("generate.py: FAIL: " + p, file=sys.stderr)
        return 1
    print("generate.py: OK: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
