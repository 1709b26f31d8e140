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
        if diagonal { drawDiagonal(x, y, on: &canvas) }
        var labels = LabelPlacer(plotLeft: frame.plotLeft, plotRight: frame.plotRight)
        for point in points {
            canvas.circle(x: x(point.x), y: y(point.y), radius: 6, row: point.row, tooltip: point.tooltip,
                          cssClass: "point")
        }
        for point in points {
            let at = labels.place(point.label, px: x(point.x), py: y(point.y))
            canvas.text(point.label, x: at.x, y: at.y, anchor: at.anchor, cssClass: "label")
        }
        return canvas.svg
    }

    /// y = x across the range both axes share, labelled where the interface wins.
    private func drawDiagonal(_ x: LinearScale, _ y: LinearScale, on canvas: inout SVGCanvas) {
        let lo = max(x.lower, y.lower), hi = min(x.upper, y.upper)
        guard lo < hi else { return }
        canvas.line(x(lo), y(lo), x(hi), y(hi), cssClass: "diagonal")
        canvas.text("y = x", x: x(hi) - 6, y: y(hi) + 16, anchor: "end", cssClass: "note")
        canvas.text("above: interface wins", x: frame.plotLeft + 8, y: frame.plotTop + 14, anchor: "start", cssClass: "note")
    }
}
