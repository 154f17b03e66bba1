#!/usr/bin/python3
"""Generate the dermatome region maps data/maps/anterior.svg and posterior.svg.

The legs are drawn once per view as a silhouette (smooth cubic Bezier outline)
that is split into small anatomical skin regions by boundary curves (also
cubic Beziers, sampled finely) with shapely polygon operations.  Every region
is carved out of what is left of the silhouette, in a fixed priority order, so
the regions tile the silhouette without gaps or overlaps.  Only the viewer's
left half of each view is modelled; the other half is its exact mirror image
(x -> 600 - x), so both legs are symmetric.

Usage:
  generate.py              write ../anterior.svg and ../posterior.svg
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

WIDTH, HEIGHT = 600, 1000
MIDX = 300.0
STEP = 1.5            # sampling step of all curves, in user units
BIG = 5000.0          # "infinity" for half-plane polygons

# Minimum sizes checked by --check.
MIN_INSCRIBED = 7.0
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
    `points`."""
    P = [(float(x), float(y)) for x, y in points]
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
    """Segments of a smooth closed curve through `points`."""
    P = [(float(x), float(y)) for x, y in points]
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
# The views.  Coordinates: viewBox 0 0 600 1000; the drawing runs from the
# top cut at y = 30 (iliac crest level) to the toes/heel at y ~ 985.  Sole
# level ~950 (heel), knee joint line ~508 (48 %), greater trochanter ~145
# (88 %), malleoli ~875-890 (7 %).  The viewer's left leg is modelled:
# lateral side = small x, medial side = towards x = 300.
# ---------------------------------------------------------------------------

TOP = 30.0

# Shared thigh / knee / leg contours (the silhouette of a leg seen from the
# front is the mirror image of the one seen from behind).
LATERAL_THIGH_LEG = [
    (124.5, 148),          # greater trochanter
    (124.5, 178), (127, 215), (132.5, 262), (140.5, 312), (150.5, 362),
    (161.5, 408), (171.5, 440), (178.5, 462),  # narrowest above the knee
    (183, 484),            # lateral femoral condyle
    (186, 505),            # joint line
    (189.5, 523),          # fibular head
    (186.5, 540),
    (181.5, 564), (178.5, 592),  # lateral gastrocnemius / peroneal bulge
    (180, 626), (185.5, 672), (194.5, 730), (205, 788), (214, 830), (218.5, 846),
]

MEDIAL_LEG_THIGH = [       # from the ankle up to the groin
    (275, 840), (277.5, 794), (283, 744), (289.5, 694), (295, 652),
    (297.5, 615),          # medial calf bulge (upper third, lower than lateral)
    (295, 578), (291.5, 547), (291.5, 527),  # pes anserinus / medial tibial condyle
    (293.5, 507),          # joint line
    (295, 486),            # medial femoral condyle
    (296, 464),            # vastus medialis bulge
    (294.5, 440), (293, 412), (293.5, 372), (295.5, 332), (297.5, 292),
]


def anterior_outline():
    """Runs of outline points (corners between runs) of the viewer's left
    half, from the top cut at the side to the crotch."""
    n45, n34, n23, n12 = ANT_NOTCHES
    lateral = ([(154, TOP), (143.5, 58), (133.5, 90), (127, 120)]
               + LATERAL_THIGH_LEG
               + [(217.5, 860),           # above the lateral malleolus
                  (214, 874), (211, 886),  # lateral malleolus (lower, posterior)
                  (208.5, 899), (200, 914), (190, 929), (182, 943),
                  (178, 955), (179.5, 963.5), (186, 968.5),  # little toe
                  (192.5, 966.5), (195.5, 959), n45])
    t4 = toe(n45[0], n45[1], n34[0], n34[1], 975.5)
    t3 = toe(n34[0], n34[1], n23[0], n23[1], 980.5)
    t2 = toe(n23[0], n23[1], n12[0], n12[1], 984.5, lean=0.5)
    medial = ([n12, (252, 965), (255, 979), (262.5, 986.5),   # great toe
               (272, 988), (281.5, 984.5), (287, 974.5), (288.5, 958),
               (287.5, 942), (284, 926),     # first MTP joint
               (281, 910), (279.5, 897),     # navicular, medial arch edge
               (281, 884), (281.5, 872),     # medial malleolus (higher)
               (279, 857)]
              + MEDIAL_LEG_THIGH
              + [(298.5, 262), (300, 238)])
    return [lateral, t4, t3, t2, medial]


ANT_NOTCHES = ((196.0, 950.0), (213.5, 953.0), (231.5, 954.5), (250.5, 950.5))


def posterior_outline():
    run = ([(154, TOP), (143, 58), (132.5, 90), (126.5, 120)]
           + LATERAL_THIGH_LEG
           + [(217, 860),
              (213.5, 875), (210.5, 888),   # lateral malleolus
              (208.5, 904), (205, 924), (201, 944),
              (200, 960), (205.5, 973.5),   # lateral border of the foot
              (223, 982.5), (244, 985), (264.5, 982.5),  # heel
              (281, 974), (288, 960),       # medial border of the foot
              (286.5, 940), (282, 918), (279.5, 900),
              (281, 884), (281.5, 872),     # medial malleolus
              (279, 857)]
           + MEDIAL_LEG_THIGH
           + [(298.5, 272), (300, 254)])
    return [run]


SOLE_NOTCHES = ((63.0, 772.0), (80.0, 765.5), (97.0, 760.5), (115.0, 757.5))


def sole_outline():
    """Closed runs of the viewer's left sole (the patient's left in the
    posterior view): toes up, heel down, lateral border on the left."""
    n54, n43, n32, n21 = SOLE_NOTCHES
    t4 = toe(n54[0], n54[1], n43[0], n43[1], 742.0)
    t3 = toe(n43[0], n43[1], n32[0], n32[1], 734.0)
    t2 = toe(n32[0], n32[1], n21[0], n21[1], 727.0)
    big = [n21, (117, 742), (121, 726), (129.5, 716.5), (139.5, 718),
           (145, 731), (145.5, 752), (144.5, 775),        # great toe, ball
           (140, 805), (131.5, 836), (124.5, 866),        # medial arch
           (121, 896), (119.5, 925), (111.5, 949),        # heel
           (89, 958), (67, 951.5), (57.5, 933),
           (54, 902), (51.5, 866), (48, 834),             # base of 5th metatarsal
           (46, 805), (46, 783),
           (47.5, 763), (51.5, 752), (57, 750), (61.5, 758), n54]
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


# ---------------------------------------------------------------------------
# Anterior parcellation
# ---------------------------------------------------------------------------

def anterior():
    runs = anterior_outline()
    half = half_polygon(runs)
    c = Carver(half)

    # boundary curves -------------------------------------------------------
    LH = curve([(200, 0), (193, TOP), (178, 52), (160, 78), (141, 112), (124, 150), (100, 190)])
    IL_key = [(160, 78), (190, 106), (220, 130), (250, 151), (277, 165)]
    IL = curve([(120, 40)] + IL_key + [(300, 169), (330, 170)])
    GL = curve([(272, 150), (277, 165), (284, 194), (293, 220), (300, 238), (306, 252)])
    IB = curve([(100, 90), (130, 106), (160, 134), (195, 176), (232, 228),
                (262, 262), (292, 287), (330, 310)])
    LS = curve([(150, 100), (154, 140), (159, 190), (164, 245), (173, 310),
                (187, 372), (202, 423), (213, 460), (218, 520)])
    LTS = curve([(100, 300), (140, 314), (175, 330), (200, 345)])
    MS = curve([(277, 240), (271, 300), (267, 360), (266, 410), (268.5, 470)])
    MTS = curve([(240, 330), (270, 344), (320, 364)])
    L1 = curve([(100, 172), (150, 205), (200, 240), (250, 276), (290, 302), (330, 328)])
    L2 = curve([(100, 272), (150, 306), (200, 340), (250, 374), (290, 400), (330, 424)])
    KT = curve([(150, 452), (180, 455), (210, 460), (242, 464), (270, 459), (290, 452), (330, 444)])
    KB = curve([(150, 552), (190, 553), (242, 557), (280, 550), (330, 544)])
    PD = curve([(242.5, 470), (242.5, 600)])
    SL = curve([(242.5, 545), (244.5, 600), (248, 670), (253, 745), (259.5, 812),
                (265, 860), (268.5, 890), (271, 920)])
    ALS = curve([(150, 690), (190, 696), (230, 704), (280, 712)])
    AC = curve([(170, 889), (210, 897), (242, 900), (266, 892), (300, 885), (330, 883)])
    LF = curve([(240, 860), (236, 896), (222, 911), (207, 928), (199, 943), (196.5, 960), (196, 1000)])
    MF = curve([(259, 860), (261, 895), (266.5, 915), (269, 935), (270, 1000)])
    TB = curve([(150, 939), (190, 942.5), (222, 945), (250, 942), (280, 935), (330, 929)])
    GMT = curve([(250, 917), (270, 915), (300, 911)])
    GM = curve([(264.5, 895), (266.5, 915), (269, 935), (270, 960), (271.5, 1000)])
    n45, n34, n23, n12 = ANT_NOTCHES

    mm = (273.0, 872.0)      # medial malleolus (higher, more anterior)
    lm = (220.5, 886.0)      # lateral malleolus (lower, more posterior)
    PATELLA = [(242.5, 452), (255.5, 456.5), (263, 471), (261.5, 489), (253.5, 502.5),
               (242.5, 508), (231.5, 502.5), (223.5, 489), (222, 471), (229.5, 456.5)]

    # carving, in priority order ------------------------------------------
    c.take("lateral-hip", leftof(LH))
    c.take("suprainguinal", above(IL))
    c.take("genital-mid", rightof(GL))
    c.take("inguinal", above(IB))
    c.take("medial-malleolus", ellipse(mm[0] + 1.0, mm[1], 13.5, 16.5))
    c.take("lateral-malleolus", ellipse(lm[0], lm[1], 13.5, 16.0))
    c.take("patella", closed_shape(PATELLA))
    c.take("first-web-space", ellipse(n12[0], 935.0, 12.5, 17.0))
    c.take("great-toe-medial", rightof(GM), below(GMT))
    c.take("great-toe-dorsal", below(TB), rightof([(n12[0], 0), (n12[0], 2000)]))
    c.take("little-toe", below(TB), leftof([(n45[0], 0), (n45[0], 2000)]))
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

    # key points -------------------------------------------------------------
    il = sample(spline(IL_key), 0.25)
    il_mid = _point_at_half_length(il)
    t12 = (il_mid[0] - 2.0, il_mid[1] - 10.0)
    l3 = (281.5, 488.0)
    l2 = ((il_mid[0] + l3[0]) / 2, (il_mid[1] + l3[1]) / 2)
    l1 = ((t12[0] + l2[0]) / 2, (t12[1] + l2[1]) / 2)
    keypoints = [("T12", t12, "suprainguinal"), ("L1", l1, "inguinal"),
                 ("L2", l2, "anterior-thigh-mid"), ("L3", l3, "medial-knee"),
                 ("L4", mm, "medial-malleolus"), ("L5", (222.5, 931.0), "dorsum-foot")]

    # landmarks (lines only) --------------------------------------------------
    lm_lines = []
    lm_lines.append([(166, 86), (190, 106), (220, 130), (250, 151), (272, 163)])    # inguinal ligament
    lm_lines.append(("closed", PATELLA))
    lm_lines.append([(236, 509), (237.5, 525), (239, 540)])            # patellar ligament
    lm_lines.append([(249, 509), (247.5, 525), (246, 540)])
    lm_lines.append([(236.5, 547), (242.5, 550.5), (248.5, 547)])      # tibial tuberosity
    lm_lines.append([(293, 424), (283, 443), (270.5, 458), (264, 466)])  # vastus medialis
    lm_lines.append([(181, 446), (197, 458), (215, 467)])              # vastus lateralis / ITB
    lm_lines.append([(202, 497), (197, 515), (199, 532)])              # lateral knee / fibular head
    lm_lines.append([(277, 861), (273, 872), (277, 883)])              # medial malleolus
    lm_lines.append([(216, 875), (219.5, 886), (216, 897)])            # lateral malleolus
    for n, h in ((n45, 6.0), (n34, 7.0), (n23, 7.0), (n12, 9.0)):
        lm_lines.append([n, (n[0] + 0.3, n[1] - h)])                   # toe clefts
    lm_lines.append(nail(181.5, 192.5, 965.5, 6.5))
    lm_lines.append(nail(199.5, 210.0, 972.5, 7.5))
    lm_lines.append(nail(217.5, 228.0, 977.5, 8.0))
    lm_lines.append(nail(235.5, 246.5, 981.5, 8.5))
    lm_lines.append(nail(258.5, 277.5, 984.5, 11.0))
    return dict(runs=runs, half=half, regions=c.regions(), keypoints=keypoints,
                landmarks=lm_lines, extra_runs=[])


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

def posterior():
    runs = posterior_outline()
    half = half_polygon(runs)
    sole_runs = sole_outline()
    sole = closed_runs_polygon(sole_runs)
    c = Carver(half.union(sole))

    anus = (MIDX, 205.0)
    BU = curve([(100, 96), (140, 100), (190, 101), (240, 97), (280, 90), (330, 84)])
    BM = curve([(256, 60), (253.5, 110), (255, 160), (262, 205), (275, 250)])
    GF = curve([(100, 196), (140, 204), (180, 214), (215, 226), (250, 238), (285, 245), (330, 246)])
    TL = curve([(150, 190), (163, 250), (177, 320), (192, 400), (205, 460), (214, 505), (220, 560)])
    TM = curve([(275, 240), (270, 300), (267, 380), (267, 450), (268, 505), (266, 560)])
    KL = curve([(100, 505), (330, 505)])
    CL = curve([(214, 505), (219, 560), (224, 640), (229, 720), (232.5, 800), (234.5, 880), (236, 1000)])
    CR = curve([(268, 505), (264, 560), (260, 640), (257, 720), (256, 800), (255, 880), (254, 1000)])
    AT = curve([(150, 742), (200, 744), (245, 748), (300, 744), (330, 742)])
    HT = curve([(150, 893), (190, 897), (215, 902), (244, 910), (272, 900), (300, 890), (330, 888)])
    HM = curve([(244.5, 880), (244.5, 1000)])
    fossa = (241.0, 505.0)
    fossa_poly = closed_shape([(241, 461), (253.5, 481.5), (268, 505), (254.5, 528.5),
                               (241, 551), (227.5, 528.5), (214, 505), (228.5, 481.5)])

    # soles (viewer-left sole only; carved first so that no leg region
    # reaches into the inset)
    sole_box = box(0, 600, 170, 1000)
    HB = curve([(20, 882), (60, 886.5), (85, 888), (110, 886), (160, 880)])
    SLL = curve([(71, 650), (71.5, 740), (72, 775), (70, 815), (72, 860), (78, 900)])
    c.take("sole-heel", below(HB), sole_box)
    c.take("sole-lateral", leftof(SLL), sole_box)
    c.take("sole-medial", sole_box)

    c.take("perianal-inner-mid", ellipse(anus[0], anus[1], 12.5, 12.5))
    c.take("perianal-outer-mid", ellipse(anus[0], anus[1], 28.5, 28.5))
    c.take("buttock-upper", above(BU))
    c.take("infragluteal", ellipse(256.0, 235.0, 32.0, 20.0, rot=8.0))
    c.take("infragluteal", ellipse(MIDX, 237.0, 19.0, 20.0))   # perineal skin below the anus
    c.take("buttock-medial", rightof(BM), above(GF))
    c.take("buttock-lateral", above(GF))
    c.take("popliteal-fossa", fossa_poly)
    c.take("lateral-heel", below(HT), leftof(HM))
    c.take("medial-heel", below(HT))
    c.take("achilles", below(AT), rightof(CL), leftof(CR))
    c.take("calf-central", below(KL), rightof(CL), leftof(CR))
    c.take("posterolateral-calf", below(KL), leftof(CL))
    c.take("posteromedial-calf", below(KL))
    c.take("posterolateral-thigh", leftof(TL))
    c.take("posteromedial-thigh", rightof(TM))
    c.remainder("posterior-thigh-central")

    keypoints = [("S1", (225.0, 948.0), "lateral-heel"),
                 ("S2", fossa, "popliteal-fossa"),
                 ("S3", (257.0, 233.0), "infragluteal"),
                 ("S4-5", (anus[0] + 5.0, anus[1]), "perianal-inner-mid")]

    lm_lines = []
    lm_lines.append([(300, 62), (300, 120), (300, 175)])                          # natal cleft (its own mirror)
    # gluteal fold, running on into the lateral rim of the buttock
    lm_lines.append([(292, 238), (274, 245.5), (250, 244.5), (226, 237.5), (206, 226.5),
                     (191.5, 211), (183, 190), (179.5, 166)])
    lm_lines.append([(266, 52), (270.5, 57), (276, 55)])                           # sacral dimple (PSIS)
    lm_lines.append([(274, 63), (287, 82), (298, 102)])                            # sacral triangle edge
    lm_lines.append([(224, 509), (241, 512), (258, 508)])                          # popliteal crease
    lm_lines.append([(220, 478), (226, 462), (228, 440)])                          # biceps femoris tendon
    lm_lines.append([(262, 478), (256, 462), (254, 440)])                          # semitendinosus tendon
    lm_lines.append([(226, 560), (222, 610), (224, 680)])                          # gastrocnemius heads
    lm_lines.append([(256, 560), (262, 625), (259, 700)])
    lm_lines.append([(236, 780), (238.5, 840), (239.5, 895)])                      # Achilles tendon
    lm_lines.append([(252, 780), (250.5, 840), (249.5, 895)])
    lm_lines.append([(277, 861), (273.5, 872), (277, 883)])                        # medial malleolus
    lm_lines.append([(214.5, 876), (218, 888), (214.5, 900)])                      # lateral malleolus
    lm_lines.append([(212, 952), (226, 962), (244, 966), (262, 962), (276, 952)])  # heel pad
    # sole inset: plantar creases at the toe bases and of the great toe
    n54, n43, n32, n21 = SOLE_NOTCHES
    for x0, y0, x1, y1 in ((49, n54[1] - 2, n54[0] - 1.5, n54[1]),
                           (n54[0] + 1.5, n54[1], n43[0] - 1.5, n43[1]),
                           (n43[0] + 1.5, n43[1], n32[0] - 1.5, n32[1]),
                           (n32[0] + 1.5, n32[1], n21[0] - 1.5, n21[1]),
                           (n21[0] + 2, n21[1], 143, n21[1] - 3)):
        lm_lines.append([(x0, y0), ((x0 + x1) / 2, max(y0, y1) + 3), (x1, y1)])
    lm_lines.append([(120, 740), (130.5, 742.5), (142, 740)])                     # great toe IP crease
    return dict(runs=runs, half=half, regions=c.regions(), keypoints=keypoints,
                landmarks=lm_lines, extra_runs=[sole_runs], sole=sole)


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
    "anterior": ["suprainguinal", "lateral-hip", "inguinal", "anterior-thigh-upper",
                 "anterior-thigh-mid", "anterior-thigh-lower", "medial-thigh-upper",
                 "medial-thigh-mid", "lateral-thigh-upper", "lateral-thigh-lower",
                 "patella", "medial-knee", "lateral-knee", "anteromedial-leg",
                 "anterolateral-leg-upper", "anterolateral-leg-lower",
                 "medial-malleolus", "lateral-malleolus", "medial-foot", "dorsum-foot",
                 "first-web-space", "great-toe-dorsal", "great-toe-medial",
                 "toes-dorsal", "lateral-foot", "little-toe", "genital-mid"],
    "posterior": ["buttock-upper", "buttock-lateral", "buttock-medial", "infragluteal",
                  "posterior-thigh-central", "posterolateral-thigh", "posteromedial-thigh",
                  "popliteal-fossa", "calf-central", "posterolateral-calf",
                  "posteromedial-calf", "achilles", "medial-heel", "lateral-heel",
                  "sole-medial", "sole-lateral", "sole-heel",
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
        if root == "S4-5":
            kps.append(("kp-S4-5-mid", p, region))
            continue
        kps.append(("kp-%s-%s" % (root, side), p, "%s-%s" % (region, side)))
        kps.append(("kp-%s-%s" % (root, OTHER[side]), mirror_pt(p), "%s-%s" % (region, OTHER[side])))
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
        if isinstance(lm, tuple) and lm[0] == "closed":
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
        errors, n = self_check(model)
        problems.extend(errors)
        summary.append("%s %d regions %d key points %d KB"
                       % (view, n, len(model["keypoints"]), len(text) // 1024))
        if args.debug:
            debug_output(model, text, args.debug)
        path = OUTPUTS[view]
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    old = f.read()
            except OSError:
                old = None
            if old != text:
                problems.append("%s is out of date (drift from generate.py): run "
                                "/usr/bin/python3 data/maps/src/generate.py and commit"
                                % os.path.relpath(path, os.path.dirname(os.path.dirname(MAPS_DIR))))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if problems:
        for p in problems:
            print("generate.py: FAIL: " + p, file=sys.stderr)
        return 1
    print("generate.py: OK: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
