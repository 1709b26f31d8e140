import ArgumentParser
import Foundation
import Models
import Structures

/// What `build exchange` and `build adsorption` share: the perovskite and its glass-facing sites,
/// the glass fragment, which sites, ligands and orientations to try, duplicates, where to write.
struct GlassPlacementOptions: ParsableArguments {
    @Option(help: "Perovskite fragment (.extxyz; glass_facing= from `build perovskite`, else outermost terminal halides).")
    var perovskite: String

    @Option(name: .customLong("glass-facing"), parsing: .unconditional, help: "Glass-facing halides to use instead of the file's glass_facing= (1-based atom indices, e.g. \"33 35\"): a free site of a product that already carries a glass unit, for a second one.")
    var glassFacing: String?

    @Option(help: "Glass fragment (.extxyz).")
    var glass: String

    @Option(parsing: .unconditional, help: "Use the first N glass-facing sites (default all).")
    var sites: Int?

    @Option(parsing: .unconditionalSingleValue, help: "Only move this ligand (1-based ligand ordinal of the glass fragment); repeatable.")
    var ligand: [Int] = []

    @Option(parsing: .unconditional, help: "Placements of the glass unit around the site (azimuths 360°/N apart).")
    var orientations: Int = 2

    @Option(parsing: .unconditional, help: "At most N distinct products.")
    var max: Int?

    @Option(parsing: .unconditional, help: "Duplicate threshold: RMSD in Å after superposition.")
    var rmsd: Double = 0.05

    @Option(name: .customLong("out-dir"), help: "Directory for the products (one .extxyz each).")
    var outDir: String

    /// The perovskite's sites and the glass fragment with its ligand table.
    func inputs() throws -> (PerovskiteSurface, GlassFragment) {
        let surface = try BuildFiles.attempt { try PerovskiteSurface(frame: StructureFile.frame(path: perovskite), facing: glassFacing) }
        let glassStructure = try StructureFile.read(path: glass)
        return (surface, GlassFragment(structure: glassStructure, ligands: GlassLigandFinder.ligands(in: glassStructure)))
    }

    func spec(k: Int) -> ExchangeSpec {
        ExchangeSpec(k: k, sites: sites, ligands: ligand, orientations: orientations, maxProducts: max, rmsdThreshold: rmsd)
    }

    /// Writes each product to `--out-dir`, prints the table; exit 1 when nothing was built.
    func write(_ result: ExchangeResult) throws {
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let source = BuildFiles.provenance()
        for product in result.products {
            try BuildFiles.write(product.extendedXYZ(source: source), to: (outDir as NSString).appendingPathComponent(product.name + ".extxyz"))
        }
        printFlushed(BuildTable.exchange(result))
        if result.products.isEmpty { throw ExitCode(1) }
    }
}
