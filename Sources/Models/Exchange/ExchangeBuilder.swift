/// Enumerates ligand-exchange products of a perovskite surface and a glass fragment: every
/// choice of k sites (distinct metals, best sites first) × k exchangeable ligands (ordered)
/// × orientations, built, checked, and deduplicated; deterministic.
public enum ExchangeBuilder {
    public static func enumerate(surface: PerovskiteSurface, glass: GlassFragment, spec: ExchangeSpec) throws -> ExchangeResult {
        let candidates = try self.candidates(surface: surface, glass: glass, spec: spec)
        return build(candidates, ExchangeAssembly(surface: surface, glass: glass, spec: spec), surface: surface, spec: spec)
    }

    /// Plain adsorption instead of the exchange: the glass fragment whole, the free N of one
    /// terminal imidazolate beside a site's halide (`AdsorptionAssembly`); one site per product,
    /// so `spec.k` must be 1. Same candidates, order, checks and deduplication as `enumerate`.
    public static func enumerateAdsorption(surface: PerovskiteSurface, glass: GlassFragment, spec: ExchangeSpec) throws -> ExchangeResult {
        guard spec.k == 1 else { throw ModelBuildError("plain adsorption binds one glass unit at one site: k must be 1") }
        let candidates = try self.candidates(surface: surface, glass: glass, spec: spec)
        return build(candidates, AdsorptionAssembly(surface: surface, glass: glass, spec: spec), surface: surface, spec: spec)
    }

    static func build(_ candidates: [ExchangeCandidate], _ assembly: some ProductAssembly, surface: PerovskiteSurface,
                      spec: ExchangeSpec) -> ExchangeResult {
        var dedup = ProductDeduplicator(threshold: spec.rmsdThreshold)
        var result = ExchangeResult()
        result.candidates = candidates.count
        for candidate in candidates {
            if let cap = spec.maxProducts, result.products.count >= cap { break }
            do {
                let product = try assembly.build(candidate)
                if let repeat_ = dedup.duplicate(of: product.structure, name: product.name) {
                    result.duplicates.append(.init(name: product.name, duplicateOf: repeat_.of, rmsd: repeat_.rmsd))
                } else {
                    result.products.append(product)
                }
            } catch {
                let name = assembly.name(candidate, sites: candidate.sites.map { surface.sites[$0] })
                result.skipped.append(.init(name: name, reason: "\(error)"))
            }
        }
        return result
    }

    /// Candidates in order: site sets (lexicographic), then ligand assignments, then orientations.
    public static func candidates(surface: PerovskiteSurface, glass: GlassFragment, spec: ExchangeSpec) throws -> [ExchangeCandidate] {
        guard spec.k >= 1 else { throw ModelBuildError("--k must be at least 1") }
        guard spec.orientations >= 1 else { throw ModelBuildError("--orientations must be at least 1") }
        let siteCount = min(spec.sites ?? surface.sites.count, surface.sites.count)
        let ligands = try movable(glass: glass, spec: spec)
        let siteSets = combinations(Array(0..<siteCount), spec.k).filter { set in
            Set(set.map { surface.sites[$0].b }).count == set.count
        }
        guard !siteSets.isEmpty else {
            throw ModelBuildError("\(surface.structure.name): \(siteCount) glass-facing sites on distinct metals are too few for k = \(spec.k)")
        }
        guard ligands.count >= spec.k else {
            throw ModelBuildError("\(glass.structure.name): \(ligands.count) exchangeable ligands (terminal anionic imidazolates) are too few for k = \(spec.k)")
        }
        let assignments = permutations(ligands, spec.k)
        return siteSets.flatMap { sites in
            assignments.flatMap { ligands in
                (0..<spec.orientations).map { ExchangeCandidate(sites: sites, ligands: ligands, orientation: $0) }
            }
        }
    }

    /// Indices of the exchangeable ligands, restricted to `spec.ligands` (1-based) if given.
    static func movable(glass: GlassFragment, spec: ExchangeSpec) throws -> [Int] {
        let all = glass.ligands.indices.filter { glass.ligands[$0].isExchangeable }
        guard !spec.ligands.isEmpty else { return all }
        for ordinal in spec.ligands where !all.contains(ordinal - 1) {
            let kinds = all.map { "\($0 + 1) (\(glass.ligands[$0].kind.rawValue))" }.joined(separator: ", ")
            throw ModelBuildError("\(glass.structure.name): ligand \(ordinal) is not an exchangeable terminal anionic imidazolate; those are \(kinds)")
        }
        return spec.ligands.map { $0 - 1 }
    }

    static func combinations(_ items: [Int], _ k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard items.count >= k else { return [] }
        let first = items[0]
        let rest = Array(items.dropFirst())
        return combinations(rest, k - 1).map { [first] + $0 } + combinations(rest, k)
    }

    static func permutations(_ items: [Int], _ k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        return items.flatMap { item in permutations(items.filter { $0 != item }, k - 1).map { [item] + $0 } }
    }
}
