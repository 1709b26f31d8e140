/// Places point labels so they do not overlap: each tries a few offsets around its point and takes
/// the first whose box is clear of the labels already placed.
struct LabelPlacer {
    /// A placed label: anchor point, text anchor, and its estimated box.
    struct Placement {
        var x: Double
        var y: Double
        var anchor: String
    }

    private var boxes: [(x0: Double, x1: Double, y0: Double, y1: Double)] = []
    let plotLeft: Double
    let plotRight: Double

    init(plotLeft: Double, plotRight: Double) {
        self.plotLeft = plotLeft
        self.plotRight = plotRight
    }

    /// Where to write `text` next to the point at (`px`, `py`).
    mutating func place(_ text: String, px: Double, py: Double) -> Placement {
        let width = Double(text.count) * 6.6, height = 14.0
        let rightHalf = px > (plotLeft + plotRight) / 2
        var first: (Placement, (Double, Double, Double, Double))?
        for dy in [-9.0, 19, -24, 34, -39, 49] {
            let placement = Placement(x: px + (rightHalf ? -9 : 9), y: py + dy, anchor: rightHalf ? "end" : "start")
            let x0 = rightHalf ? placement.x - width : placement.x
            let box = (x0, x0 + width, placement.y - height + 3, placement.y + 3)
            if first == nil { first = (placement, box) }
            if !boxes.contains(where: { $0.x0 < box.1 && box.0 < $0.x1 && $0.y0 < box.3 && box.2 < $0.y1 }) {
                boxes.append((box.0, box.1, box.2, box.3))
                return placement
            }
        }
        boxes.append(first!.1)
        return first!.0
    }
}
