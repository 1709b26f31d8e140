import Foundation
import TestSupport
import XCTest

/// Checks one verdict's nanocrystal size model against the independent numpy recomputation
/// (Oracles/nanocrystal_size.py): every point's energy is its calculation row's; each phase's μ, face
/// energies, γ_eff, β, surface-site density and interface energy equal numpy's; L* in the glass (cube)
/// equals numpy's crossing, or both find none.
enum SizeModelOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Oracles/nanocrystal_size.py").path

    /// The Python that runs the oracle (numpy and sqlite3 importable); a failure, never a skip, without it.
    static func python() throws -> String {
        let python = try RequiredTool.path("python3", install: "install Python 3 and run scripts/setup").path
        try RequiredTool.python(python, imports: ["numpy", "sqlite3"], install: "scripts/setup installs numpy into .venv")
        return python
    }

    /// `verdict` is one object of `verdict --json`; `faces` the face-energy count each phase must have
    /// (one for a cubic cell, three for an orthorhombic one). Returns the tool's `critical_size_nm`.
    @discardableResult
    static func check(_ verdict: [String: Any], faces: [String: Int], database: String, python: String,
                      _ cli: CLIHarness, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let json = cli.path("verdict-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: [verdict]).write(to: URL(fileURLWithPath: json))
        let recomputed = try cli.run([script, json, database], executable: URL(fileURLWithPath: python))
        XCTAssertEqual(recomputed.status, 0, recomputed.stderr, file: file, line: line)
        let oracle = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(recomputed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(oracle["energies_match"] as? Bool, true, "each point's energy is its calculation row's", file: file, line: line)
        let model = try XCTUnwrap(verdict["size_model"] as? [String: Any])
        let phases = try XCTUnwrap(model["phases"] as? [[String: Any]])
        let refit = try XCTUnwrap(oracle["phases"] as? [String: [String: Any]])
        XCTAssertEqual(Set(refit.keys), Set(faces.keys), file: file, line: line)
        for phase in phases {
            let name = try XCTUnwrap(phase["name"] as? String), numpy = try XCTUnwrap(refit[name])
            func value(_ key: String) throws -> Double { try XCTUnwrap(numpy[key] as? Double, "\(name) \(key)") }
            func tool(_ key: String) throws -> Double { try XCTUnwrap(phase[key] as? Double, "\(name) \(key)") }
            XCTAssertEqual(try tool("muKJPerMol"), try value("mu_kj"), accuracy: 1e-6, name, file: file, line: line)
            XCTAssertEqual(try tool("surfaceEnergyJM2"), try value("gamma_j_m2"), accuracy: 1e-8, name, file: file, line: line)
            XCTAssertEqual(try tool("betaKJPerMol"), try value("beta_kj"), accuracy: 1e-6, name, file: file, line: line)
            let got = try XCTUnwrap(phase["faceEnergiesJM2"] as? [Double])
            let want = try XCTUnwrap(numpy["face_energies_j_m2"] as? [Double])
            XCTAssertEqual(got.count, faces[name], "\(name): face energies per equal-area face group", file: file, line: line)
            XCTAssertEqual(got.count, want.count, name, file: file, line: line)
            for (g, w) in zip(got, want) { XCTAssertEqual(g, w, accuracy: 1e-8, name, file: file, line: line) }
            XCTAssertEqual(try tool("surfaceSitesPerNm2"), try value("sites_per_nm2"), accuracy: 1e-8, name, file: file, line: line)
            XCTAssertEqual(try tool("interfaceEnergyJM2"), try value("interface_j_m2"), accuracy: 1e-8, name, file: file, line: line)
            if phase["faceExchanges"] != nil {
                XCTAssertEqual(try tool("faceInterfaceEnergyJM2"), try value("face_interface_j_m2"), accuracy: 1e-8, name,
                               file: file, line: line)
            }
        }
        let glass = try XCTUnwrap(verdict["critical_size_nm"] as? [String: Any])
        if let cube = oracle["glass_cube_nm"] as? Double {
            XCTAssertEqual(try XCTUnwrap(glass["cube"] as? Double, "\(glass)"), cube, accuracy: 1e-6 * cube, file: file, line: line)
        } else {
            XCTAssertTrue(glass["cube"] is NSNull, "numpy finds no crossing, the tool must not either: \(glass)", file: file, line: line)
        }
        if phases.contains(where: { $0["faceExchanges"] != nil }) {
            try checkFaceShare(glass, oracle: oracle, file: file, line: line)
        }
        return glass
    }

    /// The "cluster vs face exchange" share is |L* − L*(face)| of the cube or of the sphere (the
    /// band keeps the terms of its widest shape) with numpy's crossings, or unknown when numpy finds
    /// no crossing for one of them.
    private static func checkFaceShare(_ glass: [String: Any], oracle: [String: Any], file: StaticString, line: UInt) throws {
        let terms = try XCTUnwrap(glass["uncertainty_terms"] as? [[String: Any]], "\(glass)", file: file, line: line)
        let term = try XCTUnwrap(terms.first { $0["name"] as? String == "cluster vs face exchange" },
                                 "the glass band names the face share: \(terms)", file: file, line: line)
        let shares = ["cube", "sphere"].compactMap { shape -> Double? in
            guard let l = oracle["glass_\(shape)_nm"] as? Double, let face = oracle["face_glass_\(shape)_nm"] as? Double else { return nil }
            return abs(l - face)
        }
        guard let share = term["share_nm"] as? Double else {
            XCTAssertTrue(shares.count < 2, "numpy forms both shares \(shares), the tool none: \(term)", file: file, line: line)
            return
        }
        XCTAssertTrue(shares.contains { abs($0 - share) <= 1e-4 }, "tool \(share) nm, numpy \(shares)",
                      file: file, line: line)
    }
}
