/// Vertical bars from zero, one per category (negative values hang down), some marked.
struct BarChart {
    /// One bar and the rows behind it.
    struct Bar {
        var label: String
        var value: Double
        var row: String
        var tooltip: String
        var cssClass = "bar"
        /// Drawn with an outline and a note above it (e.g. "lowest").
        var marker: String?
    }

    var title: String
    var bars: [Bar]
    var xTitle: String
    var yTitle: String
    var frame = PlotFrame()

    func svg() -> String {
        var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
        let scale = LinearScale(covering: bars.map(\.value), including: [0], pixels: (frame.plotBottom, frame.plotTop))
        frame.yAxis(scale, title: yTitle, on: &canvas)
        let slot = (frame.plotRight - frame.plotLeft) / Double(max(bars.count, 1))
        let zero = scale(0)
        var labels: [(text: String, x: Double)] = []
        for (i, bar) in bars.enumerated() {
            let width = min(slot * 0.7, 70), x = frame.plotLeft + slot * Double(i) + (slot - width) / 2
            let y = min(zero, scale(bar.value)), height = abs(scale(bar.value) - zero)
            let css = bar.marker == nil ? bar.cssClass : "\(bar.cssClass) lowest"
            if bar.value != 0 {
                canvas.rect(x: x, y: y, width: width, height: height, row: bar.row, tooltip: bar.tooltip, cssClass: css)
            }
            if let marker = bar.marker {
                canvas.text(marker, x: x + width / 2, y: bar.value < 0 ? y + height + 14 : y - 6, cssClass: "marker")
            }
            labels.append((bar.label, x + width / 2))
        }
        canvas.line(frame.plotLeft, zero, frame.plotRight, zero, cssClass: "axis")
        frame.xCategories(labels, title: xTitle, on: &canvas)
        return canvas.svg
    }
}
