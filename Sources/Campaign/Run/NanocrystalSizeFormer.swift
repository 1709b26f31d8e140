import Analysis
import Foundation
import Models
import Store

/// Forms a verdict's nanocrystal size model (`VerdictSizeModel`) from the campaign's stored rows:
/// each phase's done single points of the current plan whose structure name matches its pattern and whose structure is
/// a stored nanocrystal block, fitted per method (`NanocrystalFit`), then L* bare and in the glass
/// (`SizeCrossing`, `SizeEstimate`). Points computed at a raised electronic temperature are left
/// out of the fits (different physics) and named in the notes.
struct NanocrystalSizeFormer {
    /// The method L* is formed from when its series is there; the other gives the method share.
    static let primaryMethod = "gfn2"

    let campaign: String
    let store: ResultsStore

    func model(_ spec: VerdictSpec.Nanocrystals, active: String, inactive: String,
               exchange: (active: Double, inactive: Double, sigma: Double?)?,
               faces: (active: [VerdictSizeModel.FaceExchange], inactive: [VerdictSizeModel.FaceExchange])? = nil,
               rows: [TaskRecord]) throws -> VerdictSizeModel {
        var notes: [String] = []
        let blocks = try store.nanocrystals()
        let activePoints = try points(spec.active, rows: rows, blocks: blocks, notes: &notes)
        let inactivePoints = try points(spec.inactive, rows: rows, blocks: blocks, notes: &notes)
        let fits = Dictionary(uniqueKeysWithValues: Set((activePoints + inactivePoints).map(\.method)).map { m in
            (m, (active: Result { try fit(activePoints, m) }, inactive: Result { try fit(inactivePoints, m) }))
        })
        let (method, other) = Self.methods(fits, notes: &notes)
        var phases = [phase(active, activePoints, method, fits[method]?.active),
                      phase(inactive, inactivePoints, method, fits[method]?.inactive)]
        let faceSets = faces.map { FaceSets(active: Self.sized($0.active, activePoints),
                                            inactive: Self.sized($0.inactive, inactivePoints)) }
        if let faceSets {
            phases[0].record.faceExchanges = faceSets.active
            phases[1].record.faceExchanges = faceSets.inactive
        }
        let alternatives = other.flatMap { fits[$0] }.map { (try? $0.active.get(), try? $0.inactive.get()) }
        guard let fa = phases[0].fit, let fi = phases[1].fit else {
            let reason = phases.compactMap(\.record.fitError).joined(separator: "; ")
            let band = VerdictSizeModel.Band(outcome: "unknown", cubeNm: nil, sphereNm: nil, sigmaNm: nil, terms: [],
                                             laterCrossingsNm: [], reason: "no nanocrystal fit: \(reason)")
            return VerdictSizeModel(method: method, coverage: spec.coverage, phases: phases.map(\.record), bare: band,
                                    glass: exchange == nil ? nil : band, notes: notes)
        }
        let pair = (SizePhase(name: active, fit: fa), SizePhase(name: inactive, fit: fi))
        let alternative: (SizePhase, SizePhase)? = alternatives.flatMap { a, i in
            guard let a, let i else { return nil }
            return (SizePhase(name: active, fit: a), SizePhase(name: inactive, fit: i))
        }
        let bare = band(pair, alternative: alternative, exchange: nil, coverage: spec.coverage, other: other, notes: &notes)
        var glass: VerdictSizeModel.Band?
        if let exchange {
            let inGlass = { (p: (SizePhase, SizePhase)) in
                (p.0.inGlass(coverage: spec.coverage, exchangeKJ: exchange.active),
                 p.1.inGlass(coverage: spec.coverage, exchangeKJ: exchange.inactive))
            }
            let glassPair = inGlass(pair)
            var facePair: (SizePhase, SizePhase)?? = .none
            if let faceSets {
                facePair = .some(faceSets.largest.map { a, i in
                    (pair.0.inGlass(coverage: spec.coverage, exchangeKJ: a.energyKJ),
                     pair.1.inGlass(coverage: spec.coverage, exchangeKJ: i.energyKJ))
                })
                if case .some(.some(let p)) = facePair {
                    phases[0].record.faceInterfaceEnergyJM2 = p.0.boundaryJM2
                    phases[1].record.faceInterfaceEnergyJM2 = p.1.boundaryJM2
                }
                notes += Self.faceNotes(faceSets, names: [active, inactive], cluster: exchange, crossing: facePair.flatMap { $0 })
            }
            glass = band(glassPair, alternative: alternative.map(inGlass), exchange: exchange, coverage: spec.coverage,
                         other: other, face: facePair, notes: &notes)
            phases[0].record.exchangeKJ = exchange.active
            phases[1].record.exchangeKJ = exchange.inactive
            phases[0].record.interfaceEnergyJM2 = glassPair.0.boundaryJM2
            phases[1].record.interfaceEnergyJM2 = glassPair.1.boundaryJM2
        }
        notes += Self.standingNotes(coverage: spec.coverage, other: other)
        notes += Self.rangeNotes([fa, fi], names: [active, inactive], bands: [bare, glass].compactMap { $0 })
        return VerdictSizeModel(method: method, coverage: spec.coverage, phases: phases.map(\.record), bare: bare,
                                glass: glass, notes: notes)
    }

    /// The method L* is formed from: GFN2 when both phases' GFN2 fits can be formed, else the first
    /// other method that can (the reason GFN2 could not goes to `notes`); and the method left for
    /// the method share.
    private static func methods(_ fits: [String: (active: Result<NanocrystalFit, Error>, inactive: Result<NanocrystalFit, Error>)],
                                notes: inout [String]) -> (method: String, other: String?) {
        let present = Set(fits.keys)
        let ordered = ([Self.primaryMethod] + present.sorted()).filter(present.contains)
        var chosen: String?
        for m in ordered where chosen == nil {
            do {
                _ = try fits[m]?.active.get()
                _ = try fits[m]?.inactive.get()
                chosen = m
            } catch {
                notes.append("\(m.uppercased()) fits not formed: \(error)")
            }
        }
        let method = chosen ?? ordered.first ?? Self.primaryMethod
        if chosen != nil, method != Self.primaryMethod { notes.append("L* from \(method.uppercased()), not GFN2") }
        return (method, present.subtracting([method]).sorted().first)
    }

    /// The done nanocrystal single points matching `pattern`; raised-temperature ones go to `notes`,
    /// as do blocks whose task did not finish with a result.
    private func points(_ pattern: String, rows: [TaskRecord], blocks: [String: NanocrystalRecord],
                        notes: inout [String]) throws -> [VerdictSizeModel.Point] {
        var found: [VerdictSizeModel.Point] = []
        let singlePoint = PlannedTask.Kind.singlePoint.rawValue
        for task in rows where task.kind == singlePoint && ReactionPattern.matches(pattern, task.structureName) {
            if task.state != .done {
                notes.append("\(task.structureName): \(task.state.rawValue)\(task.message.map { " (\($0))" } ?? "")")
                continue
            }
            guard let hash = task.inputHash, let block = blocks[hash], let id = task.calculationID,
                  let row = try store.calculation(id: id) else { continue }
            if let raised = task.flags.first(where: { if case .electronicTemperatureRaised = $0 { true } else { false } }) {
                notes.append("\(task.structureName) left out of the fit: \(raised.text) (calculation \(id))")
                continue
            }
            found.append(VerdictSizeModel.Point(
                name: task.structureName, method: row.method.lowercased(), formulaUnits: Double(block.formulaUnits),
                boxAreaA2: block.boxAreaA2, boxVolumeA3: block.boxVolumeA3, surfaceBSites: Double(block.surfaceBSites),
                energyHartree: row.energyHartree, calculationID: id, faceAreasA2: block.faceAreasA2, repeats: block.repeats))
        }
        return found.sorted { ($0.method, $0.formulaUnits, $0.name) < ($1.method, $1.formulaUnits, $1.name) }
    }

    private func fit(_ points: [VerdictSizeModel.Point], _ method: String) throws -> NanocrystalFit {
        let fit = try NanocrystalFit(points.filter { $0.method == method }.map {
            NanocrystalEnergy(name: $0.name, formulaUnits: $0.formulaUnits, boxAreaA2: $0.boxAreaA2,
                              boxVolumeA3: $0.boxVolumeA3, surfaceBSites: $0.surfaceBSites,
                              energyHartree: $0.energyHartree, calculationID: $0.calculationID,
                              faceAreasA2: $0.faceAreasA2, repeats: $0.repeats.flatMap(NanocrystalRepeats.parse).map { [$0.x, $0.y, $0.z] })
        })
        guard fit.effectiveGamma() != nil else {
            let faces = fit.faceEnergiesJM2.map { String(format: "%.3f", $0) }.joined(separator: ", ")
            throw FitRefusal(description: "a face energy is not positive (\(faces) J/m²): no equilibrium shape")
        }
        return fit
    }

    /// A phase's stored record with its fit (or why there is none).
    private func phase(_ name: String, _ points: [VerdictSizeModel.Point], _ method: String,
                       _ fitted: Result<NanocrystalFit, Error>?) -> (record: VerdictSizeModel.Phase, fit: NanocrystalFit?) {
        var record = VerdictSizeModel.Phase(name: name, points: points)
        do {
            guard let fitted else { throw FitRefusal(description: "no \(method.uppercased()) blocks") }
            let f = try fitted.get()
            record.fitModel = f.model.rawValue
            record.muKJPerMol = f.muHartree * NanocrystalFit.kJPerHartree
            record.surfaceEnergyJM2 = f.surfaceEnergyJM2
            record.surfaceEnergySigmaJM2 = f.surfaceEnergySigmaJM2
            record.faceEnergiesJM2 = f.faceEnergiesJM2
            record.faceGroups = f.faces.labels
            record.betaKJPerMol = f.betaKJPerMol
            record.rmsResidualKJ = f.rmsResidualKJ
            record.volumePerUnitA3 = f.volumePerUnit
            record.surfaceSitesPerNm2 = SizePhase(name: name, fit: f).surfaceSitesPerA2 * 100
            record.largestSizeNm = f.largestSizeNm
            return (record, f)
        } catch {
            record.fitError = "\(name), \(method): \(error)"
            return (record, nil)
        }
    }

    /// Cube and sphere estimates as one stored band; the other method's own outcome (cube) goes to
    /// `notes`, so a missing GFN2-vs-GFN1 share says why.
    private func band(_ pair: (SizePhase, SizePhase), alternative: (SizePhase, SizePhase)?,
                      exchange: (active: Double, inactive: Double, sigma: Double?)?, coverage: Double,
                      other: String?, face: (SizePhase, SizePhase)?? = .none, notes: inout [String]) -> VerdictSizeModel.Band {
        let estimates = ParticleShape.allCases.map { shape in
            SizeEstimate(SizeCrossing(active: pair.0, inactive: pair.1, shape: shape),
                         alternative: alternative.map { SizeCrossing(active: $0.0, inactive: $0.1, shape: shape) },
                         glass: exchange != nil, exchangeSigmaKJ: exchange?.sigma, coverage: coverage,
                         faceExchange: face.map { $0.map { SizeCrossing(active: $0.0, inactive: $0.1, shape: shape) } })
        }
        if let (a, i) = alternative, let other {
            notes.append("\(other.uppercased()) alone, \(exchange == nil ? "bare" : "in the glass") (cube): "
                + Self.outcomeText(SizeCrossing(active: a, inactive: i, shape: .cube)))
        }
        let shared = SizeEstimate.band(estimates)
        let cube = estimates.first { $0.crossing.shape == .cube }, sphere = estimates.first { $0.crossing.shape == .sphere }
        let widest = estimates.max { ($0.sigmaNm ?? 0) < ($1.sigmaNm ?? 0) }
        return VerdictSizeModel.Band(
            outcome: shared.outcome, cubeNm: cube?.sizeNm, sphereNm: sphere?.sizeNm, sigmaNm: shared.sigmaNm,
            terms: (widest?.terms ?? []).map { VerdictSizeModel.Term(name: $0.name, shareNm: $0.shareNm) },
            laterCrossingsNm: Array((cube?.crossing.crossings() ?? []).dropFirst()), reason: shared.reason)
    }

    /// Why a fit is not usable.
    struct FitRefusal: Error, CustomStringConvertible {
        var description: String
    }
}
