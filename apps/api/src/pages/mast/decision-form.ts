/**
 * The decision form's flat fields as the API's decision body: the outcome picks which of
 * its fields go into `decision` (the radios reveal them; without JavaScript all show).
 */
export function decisionBody(fields: Record<string, string>): Record<string, unknown> {
  const outcome = fields['decision.outcome'];
  const detail: Record<string, Record<string, unknown>> = {
    'accept-allocate': {
      allocation: { workerId: fields['decision.allocation.workerId'], kind: fields['decision.allocation.kind'] },
    },
    'accept-for-service': { service: fields['decision.service'] },
    signpost: { signpostTo: fields['decision.signpostTo'] },
    defer: { informationNeeded: fields['decision.informationNeeded'] },
  };
  return {
    requestId: fields.requestId,
    decision: { outcome, ...(outcome ? detail[outcome] : {}) },
    reason: fields.reason,
  };
}
