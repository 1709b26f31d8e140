/// What forming reactions needs from a task graph: which task gives each structure's energy, the
/// chain each task grew from (for topology flags), and the structures whose input was invalid.
struct ReactionInputs {
    var invalid: Set<String>
    /// Structure name → index of its final single-point task.
    var finalTask: [String: Int]
    /// Per task index, the task it depends on.
    var dependsOn: [Int?]
}

extension CampaignPlan {
    var reactionInputs: ReactionInputs {
        ReactionInputs(invalid: Set(invalidStructures.map(\.name)), finalTask: finalTask, dependsOn: tasks.map(\.dependsOn))
    }
}
