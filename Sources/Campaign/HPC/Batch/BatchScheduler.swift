/// What each batch system is called and how a script is handed to it: every kind is named here,
/// so a new one cannot be submitted with another's tool by default.
extension BatchRequest.Scheduler {
    /// `text` (any case) as a batch system; anything else is refused by name.
    public init(parsing text: String) throws {
        guard let kind = Self(rawValue: text.lowercased()) else {
            throw BatchError("unknown batch system \"\(text)\": --scheduler must be "
                + Self.allCases.map(\.rawValue).joined(separator: " or "))
        }
        self = kind
    }

    /// The program and arguments that submit `script` and print its job id.
    public func submission(of script: String) -> (tool: String, arguments: [String]) {
        switch self {
        case .slurm: ("sbatch", ["--parsable", script])
        case .pbs: ("qsub", [script])
        }
    }

    /// The job id in what the submission printed (`sbatch --parsable`: "id" or "id;cluster";
    /// `qsub`: "id.server", kept whole as PBS names the job); nil when there is none.
    public func jobID(in output: String) -> String? {
        let line = output.trimmingCharacters(in: .whitespacesAndNewlines)
        let id: String
        switch self {
        case .slurm: id = line.split(separator: ";").first.map(String.init) ?? ""
        case .pbs: id = line
        }
        return id.isEmpty ? nil : id
    }
}
