/**
 * Workflows (ワークフロー): records that move through states by people with roles, with history —
 * a program's evaluation, a citizen voice's answer approval (決裁), and later proposals, grant
 * applications, sponsorship approvals. A module declares a {@link jp.machi.core.workflow.Workflow}
 * once (states, actions with who may take them, whether a reason is required, hooks);
 * {@link jp.machi.core.workflow.WorkflowService} takes actions with the same refusals everywhere
 * (409 {@code transition-not-allowed}, 403 {@code transition-forbidden}, 400 for a missing reason,
 * nothing written) and keeps the history of every workflow in one table (docs/adr/0017-workflows.md).
 */
package jp.machi.core.workflow;
