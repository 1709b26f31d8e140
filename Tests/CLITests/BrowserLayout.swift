import Foundation
import Processes
import XCTest

/// A report page as headless chromium lays it out: per `<svg>`, how many data marks it draws with a
/// non-empty box, and every pair of its text labels whose rendered boxes overlap.
///
/// A copy of the page gets a script that measures `getBoundingClientRect()` of each `<text>` and
/// mark and writes the result as JSON into the DOM; `chromium --headless --dump-dom` returns it.
/// A missing browser fails the check (it is installed by scripts/setup), it never skips.
struct BrowserLayout {
    struct Figure: Decodable {
        var id: String
        var marks: Int
        var texts: Int
        /// "label A | label B" for each pair of overlapping texts.
        var overlaps: [String]
    }

    var figures: [Figure]

    /// `chromium` or `chromium-browser`, the first on PATH; nil when neither is.
    static func browser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Overlap below this many pixels in either direction is touching, not overlapping.
    static let tolerance = 1.0

    static let script = """
        <script>
        (function () {
          function box(e) { var r = e.getBoundingClientRect(); return {x0: r.left, x1: r.right, y0: r.top, y1: r.bottom}; }
          var out = [], tol = \(tolerance);
          document.querySelectorAll('svg').forEach(function (svg, i) {
            var texts = Array.prototype.filter.call(svg.querySelectorAll('text'), function (t) {
              return t.textContent.trim().length > 0 && t.parentNode.nodeName.toLowerCase() !== 'title';
            });
            var boxes = texts.map(box), overlaps = [];
            for (var a = 0; a < boxes.length; a++) for (var b = a + 1; b < boxes.length; b++) {
              var p = boxes[a], q = boxes[b];
              if (Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > tol && Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > tol)
                overlaps.push(texts[a].textContent + ' | ' + texts[b].textContent);
            }
            var marks = Array.prototype.filter.call(svg.querySelectorAll('[data-row]'), function (m) {
              var r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0;
            }).length;
            var fig = svg.closest('figure');
            out.push({id: (fig && fig.id) || ('svg-' + i), marks: marks, texts: texts.length, overlaps: overlaps});
          });
          var pre = document.createElement('pre');
          pre.id = 'layout-check';
          pre.textContent = 'LAYOUT' + JSON.stringify(out) + 'LAYOUT';
          document.body.appendChild(pre);
        })();
        </script>
        """

    /// Lays out the page at `html` in headless chromium (a copy with the measuring script).
    static func measure(_ html: String, in cli: CLIHarness, file: StaticString = #filePath,
                        line: UInt = #line) throws -> BrowserLayout {
        guard let browser = browser() else {
            XCTFail("chromium (or chromium-browser) is not on PATH: the report test needs a real browser "
                    + "(scripts/setup installs it)", file: file, line: line)
            throw ProcessError("no chromium on PATH")
        }
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let measured = (html as NSString).deletingLastPathComponent + "/layout-check.html"
        try page.replacingOccurrences(of: "</body>", with: script + "\n</body>")
            .write(toFile: measured, atomically: true, encoding: .utf8)
        let profile = cli.path("chromium-profile")
        let command = Command(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                                        "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
                                        "--window-size=1200,900", "--dump-dom", "file://" + measured],
                              environment: Command.inheritedEnvironment(), directory: cli.workdir.path)
        let run = try ChildProcess.run(command, timeout: .seconds(180))
        XCTAssertEqual(run.status, 0, run.standardError, file: file, line: line)
        let dom = run.standardOutput
        guard let start = dom.range(of: "LAYOUT["), let end = dom.range(of: "]LAYOUT", range: start.upperBound..<dom.endIndex)
        else {
            XCTFail("chromium's DOM has no layout result: \(run.standardError.suffix(2000))", file: file, line: line)
            throw ProcessError("no layout result")
        }
        let json = "[" + dom[start.upperBound..<end.lowerBound] + "]"
        let text = json.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        return BrowserLayout(figures: try JSONDecoder().decode([Figure].self, from: Data(text.utf8)))
    }

    /// Every figure draws marks and text, and no two of its text labels overlap.
    func assertReadable(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(figures.isEmpty, "no figure rendered", file: file, line: line)
        for figure in figures {
            XCTAssertGreaterThan(figure.marks, 0, "\(figure.id) draws no data mark", file: file, line: line)
            XCTAssertGreaterThan(figure.texts, 0, "\(figure.id) has no text", file: file, line: line)
            XCTAssertEqual(figure.overlaps, [], "\(figure.id): overlapping labels", file: file, line: line)
        }
    }
}
