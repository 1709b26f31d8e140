import ArgumentParser
import Foundation
import Models
import Structures

/// `interscreen build`: deterministic cluster models — perovskite surface fragments, glass
/// fragments, ligand-exchange products — and the topology guard.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build cluster models (perovskite, glass, exchange products) and check topology.",
        discussion: "The recipes, the naming and the duplicate rule are in docs/models.md.",
        subcommands: [Perovskite.self, Glass.self, Exchange.self, Adsorption.self, NanocrystalBlock.self, CheckTopology.self]
    )

    /// `build perovskite`: an A_N B_N X_3N fragment cut from a bulk ABX3 cell.
    struct Perovskite: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut a compact, stoichiometric, neutral A_N B_N X_3N fragment from an ABX3 cell.",
            discussion: """
            The N B nearest the centre, then 3N X (bridging first, then terminal X on the B with the \
            fewest), then the N A with the most X neighbours. The glass-facing terminal X (outermost \
            B layer along the surface normal) are written as glass_facing="i j …" (1-based).
            """)

        @Option(help: "Bulk cell: .cif, .extxyz with Lattice=, POSCAR.")
        var cell: String

        @Option(parsing: .unconditional, help: "Formula units N.")
        var units: Int

        @Option(parsing: .unconditional, help: "Miller indices of the glass-facing surface (001, 110, -111, 1,-1,0).")
        var surface: String = "001"

        @Option(parsing: .unconditional, help: "Centre of the cut, fractional coordinates of the cell (x,y,z).")
        var centre: String = "0.5,0.5,0.5"

        @Option(help: "Structure name (default <cell stem>-<N>fu-<hkl>).")
        var name: String?

        @Option(name: [.short, .customLong("output")], help: "Output file (.extxyz).")
        var output: String

        func run() throws {
            guard let miller = MillerIndex(surface) else { throw ValidationError("--surface: cannot read '\(surface)' as Miller indices") }
            let cellStructure = try StructureFile.read(path: cell)
            let spec = PerovskiteFragmentSpec(units: units, surface: miller, centre: try BuildFiles.vector(centre, option: "--centre"),
                                              name: name)
            let fragment = try BuildFiles.attempt { try PerovskiteFragmentBuilder.build(cell: cellStructure, spec: spec) }
            try BuildFiles.write(fragment.extendedXYZ(source: BuildFiles.provenance()), to: output)
            printFlushed(BuildTable.summary(fragment.structure, file: output,
                                            extra: "glass-facing X: \(fragment.facing.map { "\($0 + 1)" }.joined(separator: " "))"))
        }
    }

    /// `build glass`: a neutral Zn–imidazolate cluster cut from a ZIF crystal.
    struct Glass: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cut a neutral Zn–imidazolate (ZIF-62-like) cluster from a ZIF crystal.",
            discussion: """
            n connected tetrahedral Zn (most Im bridges, then most compact) with all their imidazolates; \
            bridges stay Im⁻, terminal ligands are half Im⁻ and half capped (HIm or MeIm) so the cluster \
            is neutral; --bim k benzannulates k imidazolates (bridging first). --zn 1 gives Zn(Im)2(HIm)2 \
            (35 atoms), --zn 4 the ring Zn4(µ-Im)4(Im)4(HIm)4 (104 atoms).
            """)

        @Option(help: "Zn–imidazolate crystal to cut from (default: the ZIF-4 cell shipped with interscreen, \(ToolData.zif4CrystalFile), found beside the executable or in $\(ToolData.environmentVariable)).")
        var crystal: String?

        @Option(parsing: .unconditional, help: "Number of Zn.")
        var zn: Int = 1

        @Option(parsing: .unconditional, help: "Number of benzimidazolates (bIm; with --ligand Im only).")
        var bim: Int = 0

        @Option(help: "Imidazolate: Im (ZIF-4/ZIF-62), mIm (2-methylimidazolate, ZIF-8-like) or dcIm (4,5-dichloroimidazolate, ZIF-71-like).")
        var ligand: String = "Im"

        @Option(help: "Cap of the neutral terminal ligands: HIm or MeIm (1-methylimidazole, no N–H).")
        var cap: String = "HIm"

        @Option(parsing: .unconditional, help: "Fractional point of the crystal cell whose nearest Zn seeds the cluster (x,y,z).")
        var centre: String = "0.5,0.5,0.5"

        @Option(help: "Structure name (default zn<n>[-mim|-dcim][-bim<k>][-meim]).")
        var name: String?

        @Option(name: [.short, .customLong("output")], help: "Output file (.extxyz).")
        var output: String

        func run() throws {
            guard let ligandCap = LigandCap(name: cap) else { throw ValidationError("--cap must be HIm or MeIm (got '\(cap)')") }
            guard let variant = GlassLigandVariant(name: ligand) else {
                throw ValidationError("--ligand must be Im, mIm or dcIm (got '\(ligand)')")
            }
            let spec = GlassFragmentSpec(zinc: zn, benzimidazolates: bim, ligand: variant, cap: ligandCap,
                                         centre: try BuildFiles.vector(centre, option: "--centre"), name: name)
            let structure = try StructureFile.read(path: crystal ?? ToolData.zif4Crystal)
            let fragment = try BuildFiles.attempt { try GlassFragmentBuilder.build(crystal: structure, spec: spec) }
            try BuildFiles.write(fragment.extendedXYZ(source: BuildFiles.provenance()), to: output)
            printFlushed(BuildTable.summary(fragment.structure, file: output, extra: "ligands: \(fragment.ligandSummary)"))
        }
    }

    /// `build exchange`: the distinct ligand-exchange products of a perovskite and a glass fragment.
    struct Exchange: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the distinct ligand-exchange products of a perovskite and a glass fragment.",
            discussion: """
            k imidazolates move from Zn to glass-facing metal sites (M–N 2.55 Å, along the old M–X axis) \
            and the k halides onto Zn (2.60 Å, along the old Zn–N axis); the rest of the glass fragment \
            is placed rigidly against the surface. Candidates: k sites × k ligands × orientations; \
            duplicates (same content hash, or RMSD below --rmsd after superposition with atoms matched \
            per element) are dropped. Names: <perovskite>_<glass>_k<k>_<sites>_<ligands>_o<orientation>.
            """)

        @Option(parsing: .unconditional, help: "Exchanged pairs per product.")
        var k: Int = 1

        @OptionGroup var placement: GlassPlacementOptions

        func run() throws {
            let (surface, fragment) = try placement.inputs()
            let spec = placement.spec(k: k)
            try placement.write(try BuildFiles.attempt { try ExchangeBuilder.enumerate(surface: surface, glass: fragment, spec: spec) })
        }
    }

    /// `build adsorption`: the glass fragment bound whole (plain adsorption), what an exchange
    /// energy is measured against.
    struct Adsorption: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build plain-adsorption products: the glass fragment whole on a perovskite's glass-facing sites.",
            discussion: """
            No bond is made or broken: the free N of a terminal imidazolate is aimed 3.5 Å beside the \
            site's halide and the whole fragment is placed rigidly against the surface along the \
            outward M–X direction, no pair closer than its clearance. Candidates: sites × ligands × \
            orientations, deduplicated as `build exchange` does. Names: \
            <perovskite>_<glass>_ads_<site>_<ligand>_o<orientation>.
            """)

        @OptionGroup var placement: GlassPlacementOptions

        func run() throws {
            let (surface, fragment) = try placement.inputs()
            let spec = placement.spec(k: 1)
            try placement.write(try BuildFiles.attempt {
                try ExchangeBuilder.enumerateAdsorption(surface: surface, glass: fragment, spec: spec)
            })
        }
    }

    struct NanocrystalBlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nanocrystal",
            abstract: "Cut a molecular, stoichiometric block of whole cells (a nanocrystal) from an ABX3 cell.",
            discussion: """
            Every atom is wrapped into the cell with its origin shifted by the offset (multiples of 1/8 \
            along a, b, c) that keeps the most B–X bonds inside the block (ties: the smallest offset), \
            then the cell is repeated; the block is molecular with charge 0. Prints its formula units, \
            atoms, box area, surface B sites, broken bonds and origin (docs/models.md).
            """)

        @Argument(help: "Bulk cell: .cif, .extxyz with Lattice=, POSCAR.")
        var cell: String

        @Option(help: "Cells along a, b, c: \(NanocrystalRepeats.expected).")
        var repeats: String

        @Option(name: .customLong("glass-face"), parsing: .unconditional, help: "Face the glass binds to (+a, -a, +b, -b, +c, -c): its terminal halides, nearest the face centre first, are written as glass_facing= for `build exchange`.")
        var glassFace: String?

        @Option(name: [.short, .customLong("output")], help: "Output file (.extxyz; default <cell name>-nc-<repeats>.extxyz).")
        var output: String?

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            let cellStructure = try StructureFile.read(path: cell)
            let block = try BuildFiles.attempt {
                let block = try NanocrystalBuilder.build(cell: cellStructure, repeats: NanocrystalRepeats.parse(repeats)!)
                guard let face = glassFace.flatMap(NanocrystalGlassFace.init) else { return block }
                return try block.facingGlass(on: face, cell: cellStructure)
            }
            let path = output ?? block.structure.name + ".extxyz"
            try BuildFiles.write(block.extendedXYZ(source: BuildFiles.provenance()), to: path)
            printFlushed(json ? try BuildTable.nanocrystalJSON(block, file: path) : BuildTable.nanocrystal(block, file: path))
        }
    }

    /// `build check-topology`: the topology guard on a start and an end structure.
    struct CheckTopology: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-topology",
            abstract: "Compare the bond graph of an optimised structure with its start.",
            discussion: """
            Bonds: distance ≤ tolerance × (sum of covalent radii), no metal–metal bonds. Reports migrated \
            protons, dissociation, and new or broken bonds to metals and between non-metals. Exit status: \
            0 intact, 2 rearranged (metal coordination changed, or pieces joined, each join named: flagged), 3 broken (proton migrated, \
            fragment dissociated or a non-metal bond changed: exclude the result).
            """)

        @Argument(help: "Start structure.")
        var start: String

        @Argument(help: "End structure (same atoms, same order).")
        var end: String

        @Option(parsing: .unconditional, help: "Bond tolerance factor on the sum of covalent radii.")
        var tolerance: Double = 1.25

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            let (a, b) = (try StructureFile.read(path: start), try StructureFile.read(path: end))
            let guardian = TopologyGuard(rule: BondRule(tolerance: tolerance))
            let report = try BuildFiles.attempt { try guardian.compare(start: a, end: b) }
            printFlushed(json ? BuildTable.topologyJSON(report, atomicNumbers: a.atomicNumbers) : report.message)
            switch report.verdict {
            case .intact: return
            case .rearranged: throw ExitCode(2)
            case .broken: throw ExitCode(3)
            }
        }
    }
}
