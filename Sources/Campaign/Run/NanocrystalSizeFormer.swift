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
               faces: PhasePair<[VerdictSizeModel.FaceExchange]>? = nil,
               rows: [TaskRecord]) throws -> VerdictSizeModel {
        var notes: [String] = []
        let blocks = try store.nanocrystals()
        let names = PhasePair(active: active, inactive: inactive)
        let points = try PhasePair(active: spec.active, inactive: spec.inactive).map {
            try self.points($0, rows: rows, blocks: blocks, notes: &notes)
        }
        let fits = Dictionary(uniqueKeysWithValues: Set(points.both.joined().map(\.method)).map { m in
            (m, points.map { p in Result { try fit(p, m) } })
        })
        let (method, other) = Self.methods(fits, notes: &notes)
        var phases = PhasePair(active: phase(active, points.active, method, fits[method]?.active),
                               inactive: phase(inactive, points.inactive, method, fits[method]?.inactive))
        let faceSets = faces.map { PhasePair(active: Self.sized($0.active, points.active), inactive: Self.sized($0.inactive, points.inactive)) }
        if let faceSets {
            phases.active.record.faceExchanges = faceSets.active
            phases.inactive.record.faceExchanges = faceSets.inactive
        }
        let sizePhases = { (f: PhasePair<NanocrystalFit>) in
            PhasePair(active: SizePhase(name: active, fit: f.active), inactive: SizePhase(name: inactive, fit: f.inactive))
        }
        let alternative = other.flatMap { fits[$0] }.flatMap { PhasePair(try? $0.active.get(), try? $0.inactive.get()) }.map(sizePhases)
        guard let fitted = PhasePair(phases.active.fit, phases.inactive.fit) else {
            let reason = phases.both.compactMap(\.record.fitError).joined(separator: "; ")
            let band = VerdictSizeModel.Band(outcome: "unknown", cubeNm: nil, sphereNm: nil, sigmaNm: nil, terms: [],
                                             laterCrossingsNm: [], reason: "no nanocrystal fit: \(reason)")
            return VerdictSizeModel(method: method, coverage: spec.coverage, phases: phases.both.map(\.record), bare: band,
                                    glass: exchange == nil ? nil : band, notes: notes)
        }
        let pair = sizePhases(fitted)
        let bare = band(pair, alternative: alternative, exchange: nil, coverage: spec.coverage, other: other, notes: &notes)
        var glass: VerdictSizeModel.Band?
        if let exchange {
            let clusterKJ = PhasePair(active: exchange.active, inactive: exchange.inactive)
            let glassPair = pair.inGlass(coverage: spec.coverage, exchangeKJ: clusterKJ)
            var faceCheck = FaceCheck.notAsked
            if let faceSets {
                faceCheck = faceSets.largest.map { .formed(pair.inGlass(coverage: spec.coverage, exchangeKJ: $0.map(\.energyKJ))) } ?? .unknown
                if case .formed(let p) = faceCheck {
                    phases.active.record.faceInterfaceEnergyJM2 = p.active.boundaryJM2
                    phases.inactive.record.faceInterfaceEnergyJM2 = p.inactive.boundaryJM2
                }
                notes += Self.faceNotes(faceSets, names: names, clusterKJ: clusterKJ, check: faceCheck)
            }
            glass = band(glassPair, alternative: alternative?.inGlass(coverage: spec.coverage, exchangeKJ: clusterKJ),
                         exchange: exchange, coverage: spec.coverage, other: other, face: faceCheck, notes: &notes)
            phases.active.record.exchangeKJ = exchange.active
            phases.inactive.record.exchangeKJ = exchange.inactive
            phases.active.record.interfaceEnergyJM2 = glassPair.active.boundaryJM2
            phases.inactive.record.interfaceEnergyJM2 = glassPair.inactive.boundaryJM2
        }
        notes += Self.standingNotes(coverage: spec.coverage, other: other)
        notes += Self.rangeNotes(fitted.both, names: names.both, bands: [bare, glass].compactMap { $0 })
        return VerdictSizeModel(method: method, coverage: spec.coverage, phases: phases.both.map(\.record), bare: bare,
                                glass: glass, notes: notes)
    }

    /// The method L* is formed from: GFN2 when both phases' GFN2 fits can be formed, else the first
    /// other method that can (the reason GFN2 could not goes to `notes`); and the method left for
    /// the method share.
    private static func methods(_ fits: [String: PhasePair<Result<NanocrystalFit, Error>>],
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
    private func band(_ pair: PhasePair<SizePhase>, alternative: PhasePair<SizePhase>?,
                      exchange: (active: Double, inactive: Double, sigma: Double?)?, coverage: Double,
                      other: String?, face: FaceCheck = .notAsked, notes: inout [String]) -> VerdictSizeModel.Band {
        let estimates = ParticleShape.allCases.map { shape in
            SizeEstimate(pair.crossing(shape), alternative: alternative?.crossing(shape),
                         glass: exchange != nil, exchangeSigmaKJ: exchange?.sigma, coverage: coverage,
                         faceExchange: face.crossing(shape))
        }
        if let alternative, let other {
            notes.append("\(other.uppercased()) alone, \(exchange == nil ? "bare" : "in the glass") (cube): "
                + Self.outcomeText(alternative.crossing(.cube)))
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
