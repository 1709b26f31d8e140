/// Places point labels so they overlap neither each other, nor any point's circle, nor the
/// figure's fixed texts: each label tries offsets beside its own point (right or left, then further
/// above and below) and takes the first clear one; a label set away from its point gets a leader
/// line to it, so every label stays visibly attached to its own point.
struct LabelPlacer {
    /// A placed label: anchor point, text anchor, and whether it needs a leader line.
    struct Placement {
        var x: Double
        var y: Double
        var anchor: String
        var needsLeader: Bool
    }

    typealias Box = (x0: Double, x1: Double, y0: Double, y1: Double)

    private(set) var boxes: [Box] = []
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double

    init(plotLeft: Double, plotRight: Double, plotTop: Double = -.infinity, plotBottom: Double = .infinity) {
        self.plotLeft = plotLeft
        self.plotRight = plotRight
        self.plotTop = plotTop
        self.plotBottom = plotBottom
    }

    /// Estimated box of `text` at 12 px sans-serif.
    static func box(_ text: String, x: Double, y: Double, anchor: String) -> Box {
        let width = Double(text.count) * 7.0
        let x0 = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
        return (x0, x0 + width, y - 12, y + 4)
    }

    /// Keeps labels off `box` (a point's circle, a fixed text).
    mutating func reserve(_ box: Box) { boxes.append(box) }

    static func overlaps(_ a: Box, _ b: Box) -> Bool { a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

    /// Where to write `text` for the point at (`px`, `py`).
    mutating func place(_ text: String, px: Double, py: Double) -> Placement {
        let preferLeft = px > (plotLeft + plotRight) / 2
        let sides = preferLeft ? [-1.0, 1.0] : [1.0, -1.0]
        var candidates: [Placement] = []
        for (step, dy) in [4.0, -10, 18, -24, 32, -38, 46, -52, 60, -66].enumerated() {
            for side in sides {
                candidates.append(Placement(x: px + side * 10, y: py + dy, anchor: side < 0 ? "end" : "start",
                                            needsLeader: step > 1))
            }
        }
        let inside = candidates.filter { c in
            let b = Self.box(text, x: c.x, y: c.y, anchor: c.anchor)
            return b.x0 >= plotLeft && b.x1 <= plotRight + 20 && b.y0 >= plotTop && b.y1 <= plotBottom
        }
        let chosen = (inside.isEmpty ? candidates : inside).first { c in
            let b = Self.box(text, x: c.x, y: c.y, anchor: c.anchor)
            return !boxes.contains { Self.overlaps($0, b) }
        } ?? (inside.first ?? candidates[0])
        boxes.append(Self.box(text, x: chosen.x, y: chosen.y, anchor: chosen.anchor))
        return chosen
    }
}
