import V2CallbackInstruction from '../client-v2/CallbackInstruction';

/** The v1 canvas opens the inherited `FieldsetLoader` form and renders the inherited `ComponentLoader` card. */
export default class CallbackInstruction extends V2CallbackInstruction {}
