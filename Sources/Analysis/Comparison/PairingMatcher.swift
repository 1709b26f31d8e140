/// The rule mapping a measured row's `pairing` to verdict rows (jobs/measured/README.md).
///
/// Names are compared by key: lowercased, only letters and digits kept ("CsPbI3/agZIF-62" and the
/// campaign "cspbi3-agzif62" share the key "cspbi3agzif62"). `campaign:verdict` names one verdict;
/// any other pairing matches every verdict whose campaign, name, or a `/`-token of its name has its key.
public enum PairingMatcher {
    /// Lowercased letters and digits of `name`.
    public static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// Does `pairing` name `prediction`?
    public static func matches(_ pairing: String, _ prediction: PairingPrediction) -> Bool {
        if let colon = pairing.firstIndex(of: ":") {
            let campaign = pairing[..<colon], name = pairing[pairing.index(after: colon)...]
            return key(String(campaign)) == key(prediction.campaign) && key(String(name)) == key(prediction.name)
        }
        let wanted = key(pairing)
        guard !wanted.isEmpty else { return false }
        return names(of: prediction).contains(wanted)
    }

    /// The keys a verdict answers to: campaign, name, and each `/`-token of the name.
    static func names(of prediction: PairingPrediction) -> Set<String> {
        let tokens = prediction.name.split(whereSeparator: \.isWhitespace).filter { $0.contains("/") }
        return Set([key(prediction.campaign), key(prediction.name)] + tokens.map { key(String($0)) })
    }
}
