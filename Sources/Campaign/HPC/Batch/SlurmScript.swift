/// A Slurm batch script (`sbatch`) for a campaign.
///
/// The run learns its deadline from Slurm itself (SLURM_JOB_END_TIME, or `squeue -o %e`).
struct SlurmScript {
    let request: BatchRequest

    var directives: [String] {
        let r = request
        var d = [
            "--job-name=\(r.jobName)",
            "--nodes=\(r.nodes)",
            "--ntasks-per-node=\(r.ranksPerNode)",
            "--cpus-per-task=\(r.threadsPerRank)",
            "--time=\(r.walltime)",
        ]
        if let p = r.partition { d.append("--partition=\(p)") }
        if let a = r.account { d.append("--account=\(a)") }
        if let k = r.arrayShards {
            d.append("--array=1-\(k)")
            d.append("--output=\(r.workdir)/\(r.jobName)-%A_%a.out")
        } else {
            d.append("--output=\(r.workdir)/\(r.jobName)-%j.out")
        }
        return d.map { "#SBATCH \($0)" }
    }

    var text: String {
        let r = request
        let array = r.arrayShards != nil ? " --array=\"$SHARD\"" : ""
        let body = BatchScriptBody(
            request: r,
            slotsExpression: "${SLURM_NTASKS:-\(r.nodes * r.ranksPerNode)}",
            shardIndexExpression: "${SLURM_ARRAY_TASK_ID:?not an array job}",
            resubmit: ["sbatch --export=ALL,INTERSCREEN_CHAIN_LINK=$NEXT\(array) \"$SCRIPT\""],
            beforeRun: [])
        return (["#!/bin/bash"] + directives + body.lines).joined(separator: "\n") + "\n"
    }
}
