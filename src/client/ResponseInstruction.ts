import V2ResponseInstruction from '../client-v2/ResponseInstruction';

/**
 * Without a Formily `fieldset` or `Component`, the v1 canvas opens the inherited `FieldsetLoader`
 * form and renders the inherited `ComponentLoader` card.
 */
export default class ResponseInstruction extends V2ResponseInstruction {}
