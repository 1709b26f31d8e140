/// Measured observations mapped to verdict rows: sign agreement per verdict and rank correlations.
///
/// Only `measured` rows are scored; computed rows of the paper are listed beside our values.
public struct PairingComparison: Sendable {
    /// A row and the verdicts its pairing maps to (empty: unmatched).
    public struct Match: Sendable, Equatable {
        public var observation: MeasuredObservation
        public var predictions: [PairingPrediction]
    }

    public var matches: [Match]
    public var signAgreements: [SignAgreement]
    /// Per verdict with measured sizes: its critical size L* against them (SizeAgreement's rule).
    public var sizeAgreements: [SizeAgreement]
    public var rankComparisons: [RankComparison]
    /// Which verdict rows stand for their pairing, and which duplicates were set aside.
    public var selection: PredictionSelection

    /// Compares `observations` with one prediction per pairing (PredictionSelection.rule).
    public init(observations: [MeasuredObservation], predictions: [PairingPrediction]) {
        selection = PredictionSelection(predictions)
        let kept = selection.kept
        matches = observations.map { row in
            Match(observation: row, predictions: kept.filter { PairingMatcher.matches(row.pairing, $0) })
        }
        signAgreements = Self.signs(matches, kept)
        sizeAgreements = Self.sizes(matches, kept, signAgreements)
        rankComparisons = Self.ranks(matches)
    }

    /// How many sign comparisons came out as `outcome`.
    public func count(_ outcome: SignAgreement.Outcome) -> Int {
        signAgreements.filter { $0.outcome == outcome }.count
    }

    /// How many critical-size comparisons came out as `outcome`.
    public func sizeCount(_ outcome: SignAgreement.Outcome) -> Int {
        sizeAgreements.filter { $0.outcome == outcome }.count
    }

    /// Rows whose pairing names no verdict.
    public var unmatched: [MeasuredObservation] { matches.filter(\.predictions.isEmpty).map(\.observation) }

    /// Computed rows of the paper beside our value of the same quantity, for each verdict.
    public var computedCounterparts: [(observation: MeasuredObservation, prediction: PairingPrediction, ours: Double?)] {
        matches.filter { $0.observation.kind != .measured }.flatMap { match in
            match.predictions.map { (match.observation, $0, $0.computedValues[match.observation.quantity]) }
        }
    }

    static func signs(_ matches: [Match], _ predictions: [PairingPrediction]) -> [SignAgreement] {
        predictions.compactMap { prediction in
            let rows = matches.filter { $0.observation.kind == .measured && $0.predictions.contains(prediction) }
            guard !rows.isEmpty else { return nil }
            let evidence = rows.compactMap { match -> (observation: MeasuredObservation, stabilised: Bool)? in
                let reading = ObservationReading.of(match.observation.quantity)
                return reading.stabilised(match.observation.value).map { (match.observation, $0) }
            }
            return SignAgreement(prediction: prediction, evidence: evidence)
        }
    }

    static func sizes(_ matches: [Match], _ predictions: [PairingPrediction], _ signs: [SignAgreement]) -> [SizeAgreement] {
        predictions.compactMap { prediction in
            let sizes = matches.filter {
                $0.observation.kind == .measured && MeasuredSize.isSize($0.observation.quantity) && $0.predictions.contains(prediction)
            }.map(\.observation)
            guard !sizes.isEmpty else { return nil }
            let evidence = signs.first { $0.prediction == prediction }?.evidence ?? []
            return SizeAgreement(prediction: prediction, sizes: sizes, evidence: evidence)
        }
    }

    static func ranks(_ matches: [Match]) -> [RankComparison] {
        var groups: [RankComparison.Group: [RankComparison.Point]] = [:]
        var order: [RankComparison.Group] = []
        for match in matches where match.observation.kind == .measured && !MeasuredSize.isSize(match.observation.quantity) {
            guard let measured = match.observation.value.number else { continue }
            for prediction in match.predictions where prediction.bulkConverged != false {
                guard let predicted = prediction.marginPerFormulaUnit else { continue }
                let o = match.observation
                let group = RankComparison.Group(quantity: o.quantity, unit: o.unit, composition: o.composition,
                                                 sinteringTemperatureC: o.sinteringTemperatureC,
                                                 protocolName: prediction.protocolName)
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(.init(prediction: prediction, observation: o,
                                                        predicted: predicted, measured: measured))
            }
        }
        return order.map { RankComparison(group: $0, points: groups[$0] ?? []) }
    }
}
