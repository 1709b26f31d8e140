/// Horizontal spans per lane over time: which rank ran what, when.
struct Timeline {
    /// One task on one rank, seconds since the start of the run.
    struct Span {
        var lane: Int
        var start: Double
        var end: Double
        var row: String
        var tooltip: String
        var failed: Bool
    }

    var title: String
    var spans: [Span]
    var xTitle: String
    var frame = PlotFrame()

    func svg() -> String {
        let lanes = Array(Set(spans.map(\.lane))).sorted()
        var frame = self.frame
        frame.height = frame.top + frame.bottom + Double(max(lanes.count, 2)) * 36
        var canvas = SVGCanvas(width: frame.width, height: frame.height, title: title)
        let x = LinearScale(covering: spans.flatMap { [$0.start, $0.end] }, including: [0],
                            pixels: (frame.plotLeft, frame.plotRight))
        frame.xAxis(x, title: xTitle, on: &canvas)
        let laneHeight = (frame.plotBottom - frame.plotTop) / Double(max(lanes.count, 1))
        for (i, lane) in lanes.enumerated() {
            let top = frame.plotTop + laneHeight * Double(i)
            canvas.text("rank \(lane)", x: frame.plotLeft - 8, y: top + laneHeight / 2 + 4, anchor: "end", cssClass: "tick")
            for span in spans where span.lane == lane {
                canvas.rect(x: x(span.start), y: top + laneHeight * 0.15, width: x(span.end) - x(span.start),
                            height: laneHeight * 0.7, row: span.row, tooltip: span.tooltip,
                            cssClass: span.failed ? "task-failed" : "task")
            }
        }
        canvas.line(frame.plotLeft, frame.plotTop, frame.plotLeft, frame.plotBottom, cssClass: "axis")
        return canvas.svg
    }
}
