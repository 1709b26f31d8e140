/// The figures' shared style sheet (embedded in every SVG, so a lone .svg file looks the same);
/// every rule is scoped to `svg`, so figures inlined in the HTML page do not restyle it.
enum SVGStyle {
    static let css = """
        svg text { font-family: sans-serif; font-size: 12px; fill: #222; }
        svg .tick { font-size: 11px; fill: #444; }
        svg .axis-title { font-size: 12px; font-weight: bold; }
        svg .axis { stroke: #333; stroke-width: 1; }
        svg .grid { stroke: #ddd; stroke-width: 1; }
        svg .diagonal { stroke: #888; stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .active { fill: #2b7bb9; }
        svg .inactive { fill: #d98c1f; }
        svg .lowest { stroke: #c0392b; stroke-width: 3; }
        svg .point { fill: #2b7bb9; stroke: #123; stroke-width: 1; }
        svg .bar { fill: #5b8c5a; }
        svg .bad { fill: #c0392b; }
        svg .task { fill: #2b7bb9; stroke: #fff; stroke-width: 0.5; }
        svg .task-failed { fill: #c0392b; stroke: #fff; stroke-width: 0.5; }
        svg .marker { font-size: 11px; fill: #c0392b; font-weight: bold; }
        svg .note { font-size: 11px; fill: #555; }
        svg .figure-title { font-size: 14px; font-weight: bold; }
        svg .structure-box { fill: #fafafa; stroke: #ccc; stroke-width: 1; }
        svg .bond { stroke: #888; stroke-width: 1.5; }
        svg .bond.exchanged { stroke: #e6007e; stroke-width: 3; }
        svg .atom { stroke: #333; stroke-width: 0.5; }
        svg .atom.exchanged { stroke: #e6007e; stroke-width: 2.5; }
        svg .leader { stroke: #999; stroke-width: 0.8; }
        svg .active-text { fill: #1d5f91; }
        svg .inactive-text { fill: #a8650f; }
        """
}
