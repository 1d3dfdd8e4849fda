import type { IPollFunctions, NodeHint } from 'n8n-workflow';

/**
 * n8n saves a workflow's static data, where the trigger keeps its place, only when the workflow's
 * id has at most this many characters on n8n 1.x (`isWorkflowIdValid`; 21 on n8n 2.x). n8n makes
 * ids of 16 characters; a longer one comes from an imported file.
 */
export const MAX_SAVED_WORKFLOW_ID_LENGTH = 16;

const WHAT_TO_DO =
	'Duplicate the workflow (n8n gives the copy an id of 16 characters) and publish the copy instead, or import it again with an id of at most 16 characters.';

/** Shown in the editor for a workflow whose id is too long: the editor evaluates the condition with the open workflow. */
export const longWorkflowIdHint: NodeHint = {
	message: `This workflow's id is longer than ${MAX_SAVED_WORKFLOW_ID_LENGTH} characters: n8n 1.x will not save where the trigger left off, so after every restart it starts again from now and misses what changed while n8n was down. ${WHAT_TO_DO}`,
	type: 'warning',
	location: 'ndv',
	whenToDisplay: 'always',
	displayCondition: `={{ String($workflow.id ?? '').length > ${MAX_SAVED_WORKFLOW_ID_LENGTH} }}`,
};

/**
 * At activation: warns in n8n's log when the workflow's id is too long for n8n 1.x to save the
 * trigger's place. Only a warning: a throw here would refuse the activation, and on n8n 2.x an id
 * of up to 21 characters is saved.
 */
export function warnOfLongWorkflowId(context: IPollFunctions): void {
	const { id, name } = context.getWorkflow();
	if (typeof id !== 'string' || id.length <= MAX_SAVED_WORKFLOW_ID_LENGTH) return;
	context.logger.warn(
		`Bookeeping Trigger in workflow "${name}": its id "${id}" has ${id.length} characters. n8n saves where the trigger left off only for workflow ids of at most ${MAX_SAVED_WORKFLOW_ID_LENGTH} characters on n8n 1.x (21 on n8n 2.x); where it is not saved, the trigger starts again from now after every restart and never reports what changed while n8n was down. ${WHAT_TO_DO}`,
	);
}
