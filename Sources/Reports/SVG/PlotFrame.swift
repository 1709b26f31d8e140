/// The plotting area of a figure (margins around it) and its axes, ticks and titles.
struct PlotFrame {
    var width = 680.0
    var height = 360.0
    var left = 78.0
    var right = 24.0
    var top = 40.0
    var bottom = 56.0

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// The y axis at the left: line, ticks with labels, light grid lines, and a rotated title.
    func yAxis(_ scale: LinearScale, title: String, on canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let y = scale(tick)
            canvas.line(plotLeft, y, plotRight, y, cssClass: "grid")
            canvas.line(plotLeft - 5, y, plotLeft, y, cssClass: "axis")
            canvas.text(scale.label(tick), x: plotLeft - 8, y: y + 4, anchor: "end", cssClass: "tick")
        }
        canvas.line(plotLeft, plotTop, plotLeft, plotBottom, cssClass: "axis")
        let middle = (plotTop + plotBottom) / 2
        canvas.text(title, x: 16, y: middle, cssClass: "axis-title", rotate: -90)
    }

    /// The numeric x axis at the bottom: line, ticks with labels and a title.
    func xAxis(_ scale: LinearScale, title: String, on canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let x = scale(tick)
            canvas.line(x, plotTop, x, plotBottom, cssClass: "grid")
            canvas.line(x, plotBottom, x, plotBottom + 5, cssClass: "axis")
            canvas.text(scale.label(tick), x: x, y: plotBottom + 18, cssClass: "tick")
        }
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, cssClass: "axis")
        canvas.text(title, x: (plotLeft + plotRight) / 2, y: height - 10, cssClass: "axis-title")
    }

    /// Category labels under the plot at `positions`: level when every label fits its slot,
    /// otherwise upright (rotated −90°), so neighbours never overlap; cut at 30 characters (the
    /// marks' tooltips and the figure's table carry the full names).
    func xCategories(_ labels: [(text: String, x: Double)], title: String, on canvas: inout SVGCanvas) {
        canvas.line(plotLeft, plotBottom, plotRight, plotBottom, cssClass: "axis")
        let slot = (plotRight - plotLeft) / Double(max(labels.count, 1))
        let upright = labels.contains { Double($0.text.count) * 6.2 > slot - 6 }
        for label in labels {
            let text = label.text.count > 30 ? label.text.prefix(29) + "…" : label.text
            if upright {
                canvas.text(text, x: label.x + 4, y: plotBottom + 10, anchor: "end", cssClass: "tick", rotate: -90)
            } else {
                canvas.text(text, x: label.x, y: plotBottom + 16, anchor: "middle", cssClass: "tick")
            }
        }
        canvas.text(title, x: (plotLeft + plotRight) / 2, y: height - 8, cssClass: "axis-title")
    }
}
