import Models
import Store

extension TaskRecorder {
    /// The `nanocrystals` row of a task whose input is a block built from a `nanocrystal` key (its
    /// first task: the optimisation, or the single point when nothing is optimised); nil otherwise.
    func nanocrystal(of task: PlannedTask, inputHash: String) -> NanocrystalRecord? {
        guard task.dependsOn == nil, let (file, block) = plan.nanocrystals[task.structureName] else { return nil }
        return NanocrystalRecord(structureHash: inputHash, sourceFile: file, repeats: block.label,
                                 formulaUnits: block.formulaUnits, boxAreaA2: block.boxAreaA2,
                                 faceAreasA2: block.faceAreasA2, boxVolumeA3: block.boxVolumeA3,
                                 surfaceBSites: block.surfaceBSites,
                                 brokenBonds: block.brokenBonds, origin: block.origin)
    }
}
