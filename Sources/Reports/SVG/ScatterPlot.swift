/// Labelled points on two numeric axes, optionally with the y = x line.
struct ScatterPlot {
    /// One point and the rows behind it.
    struct Point {
        var x: Double
        var y: Double
        var label: String
        var row: String
        var tooltip: String
    }

    var title: String
    var points: [Point]
    var xTitle: String
    var yTitle: String
    /// Draw y = x (both axes then cover the same values).
    var diagonal = false
    var frame = PlotFrame()

    func svg() -> String {
        var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
        let xs = points.map(\.x), ys = points.map(\.y)
        let both = diagonal ? xs + ys : []
        let x = LinearScale(covering: xs, including: both, pixels: (frame.plotLeft, frame.plotRight))
        let y = LinearScale(covering: ys, including: both, pixels: (frame.plotBottom, frame.plotTop))
        frame.yAxis(y, title: yTitle, on: &canvas)
        frame.xAxis(x, title: xTitle, on: &canvas)
        var labels = LabelPlacer(plotLeft: frame.plotLeft, plotRight: frame.plotRight, plotTop: frame.plotTop,
                                 plotBottom: frame.plotBottom)
        if diagonal { drawDiagonal(x, y, on: &canvas, labels: &labels) }
        for point in points {
            canvas.circle(x: x(point.x), y: y(point.y), radius: 6, row: point.row, tooltip: point.tooltip,
                          cssClass: "point")
            labels.reserve((x(point.x) - 7, x(point.x) + 7, y(point.y) - 7, y(point.y) + 7))
        }
        for point in points {
            let at = labels.place(point.label, px: x(point.x), py: y(point.y))
            if at.needsLeader {
                let box = LabelPlacer.box(point.label, x: at.x, y: at.y, anchor: at.anchor)
                canvas.line(x(point.x), y(point.y), at.anchor == "end" ? box.x1 + 1 : box.x0 - 1, at.y - 4,
                            cssClass: "leader")
            }
            canvas.text(point.label, x: at.x, y: at.y, anchor: at.anchor, cssClass: "label")
        }
        return canvas.svg
    }

    /// y = x across the range both axes share, labelled where the interface wins. The line rises to
    /// the right, so its label sits below and to the right of a point on it: clear of the dash.
    private func drawDiagonal(_ x: LinearScale, _ y: LinearScale, on canvas: inout SVGCanvas,
                              labels: inout LabelPlacer) {
        let lo = max(x.lower, y.lower), hi = min(x.upper, y.upper)
        guard lo < hi else { return }
        canvas.line(x(lo), y(lo), x(hi), y(hi), cssClass: "diagonal")
        let at = lo + 0.7 * (hi - lo)
        let (lx, ly) = (min(x(at) + 10, frame.plotRight - 40), y(at) + 22)
        canvas.text("y = x", x: lx, y: ly, anchor: "start", cssClass: "note")
        labels.reserve(LabelPlacer.box("y = x", x: lx, y: ly, anchor: "start"))
        let note = "above: interface wins"
        canvas.text(note, x: frame.plotLeft + 8, y: frame.plotTop + 14, anchor: "start", cssClass: "note")
        labels.reserve(LabelPlacer.box(note, x: frame.plotLeft + 8, y: frame.plotTop + 14, anchor: "start"))
    }
}
