import ArgumentParser
import Models
import Structures

// The checks of `build`'s inputs, before anything is read or built.

extension BuildCommand.Perovskite {
    func validate() throws {
        guard units >= 1 else { throw ValidationError("--units must be ≥ 1 (got \(units))") }
        guard MillerIndex(surface) != nil else { throw ValidationError("--surface: cannot read '\(surface)' as Miller indices") }
        _ = try BuildFiles.vector(centre, option: "--centre")
        try OutputPath.checkWritable(output, option: "--output")
    }
}

extension BuildCommand.Glass {
    func validate() throws {
        guard zn >= 1 else { throw ValidationError("--zn must be ≥ 1 (got \(zn))") }
        guard bim >= 0 else { throw ValidationError("--bim must be ≥ 0 (got \(bim))") }
        guard LigandCap(name: cap) != nil else { throw ValidationError("--cap must be HIm or MeIm (got '\(cap)')") }
        guard GlassLigandVariant(name: ligand) != nil else {
            throw ValidationError("--ligand must be Im, mIm or dcIm (got '\(ligand)')")
        }
        _ = try BuildFiles.vector(centre, option: "--centre")
        try OutputPath.checkWritable(output, option: "--output")
    }
}

extension BuildCommand.Exchange {
    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be ≥ 1 (got \(k))") }
    }
}

extension GlassPlacementOptions {
    func validate() throws {
        if let sites, sites < 1 { throw ValidationError("--sites must be ≥ 1 (got \(sites))") }
        if let bad = ligand.first(where: { $0 < 1 }) { throw ValidationError("--ligand must be ≥ 1 (got \(bad))") }
        guard orientations >= 1 else { throw ValidationError("--orientations must be ≥ 1 (got \(orientations))") }
        if let max, max < 1 { throw ValidationError("--max must be ≥ 1 (got \(max))") }
        guard rmsd >= 0 else { throw ValidationError("--rmsd must be ≥ 0 (got \(rmsd))") }
        if let glassFacing, PerovskiteSurface.indexList(glassFacing) == nil {
            throw ValidationError("--glass-facing must list 1-based atom indices, e.g. \"33 35\" (got '\(glassFacing)')")
        }
    }
}

extension BuildCommand.NanocrystalBlock {
    func validate() throws {
        guard NanocrystalRepeats.parse(repeats) != nil else {
            throw ValidationError("--repeats must be \(NanocrystalRepeats.expected) (got '\(repeats)')")
        }
        if let glassFace, NanocrystalGlassFace(glassFace) == nil {
            throw ValidationError("--glass-face must be \(NanocrystalGlassFace.expected) (got '\(glassFace)')")
        }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }
}

extension BuildCommand.CheckTopology {
    func validate() throws {
        guard tolerance > 0 else { throw ValidationError("--tolerance must be positive (got \(tolerance))") }
    }
}
