import type { MoveReasonPart, PlanExplanation, PlanScopeName, ViolationMessage } from '@/lib/domain/proposals';
import type { Translate } from './translator';

// The proposal engine's sentences (lib/domain/proposals.ts returns message keys with parameters), rendered from
// the catalogues: on the plan page in the reader's language; in Vietnamese in the command line's file and in the
// reason a proposal stores. The Vietnamese output is the engine's published wording, character for character
// ("Yên Xuân +30 → Nhân Hòa −7; bổ sung Phó Chánh Văn phòng Đảng ủy; cùng địa bàn huyện cũ").

/** A difference with its sign as the reasons print it: "+7", "−17" (U+2212 MINUS SIGN), "0". */
function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

/** An old district's name inside a Vietnamese sentence: its administrative prefix in lower case ("huyện Kỳ Sơn"). */
function nameInSentence(name: string): string {
  return name.replace(/^(Huyện|Thị xã|Thành phố)\s/u, (prefix) => prefix.toLowerCase());
}

/** A field of expertise by its label (`fields.<code>`); the code when the catalogue has none. */
function fieldLabel(t: Translate, field: string): string {
  const key = `fields.${field}`;
  return t.has(key) ? t(key) : field;
}

function reasonPart(t: Translate, part: MoveReasonPart): string {
  switch (part.key) {
    case 'transferPlan.reasons.balance':
      return t(part.key, { ...part.params, fromDifference: signed(part.params.fromDifference), toDifference: signed(part.params.toDifference) });
    case 'transferPlan.reasons.coversShortageInField':
      return t(part.key, { block: part.params.block, field: fieldLabel(t, part.params.field) });
    case 'transferPlan.reasons.fillsKey':
    case 'transferPlan.reasons.coversShortage':
    case 'transferPlan.reasons.sameOldDistrict':
    case 'transferPlan.reasons.otherOldDistrict':
      return t(part.key, part.params);
    default:
      return part satisfies never;
  }
}

/** A move's reason: its clauses joined with "; ". */
export function renderMoveReason(t: Translate, reason: readonly MoveReasonPart[]): string {
  return reason.map((part) => reasonPart(t, part)).join('; ');
}

export function renderPlanScope(t: Translate, scope: PlanScopeName): string {
  return scope.kind === 'province'
    ? t('transferPlan.explanations.scope.province')
    : t('transferPlan.explanations.scope.oldDistrict', { name: scope.name, nameInSentence: nameInSentence(scope.name) });
}

export function renderPlanExplanation(t: Translate, explanation: PlanExplanation): string {
  return t(explanation.key, { scope: renderPlanScope(t, explanation.params.scope) });
}

export function renderViolation(t: Translate, message: ViolationMessage): string {
  return t(message.key, message.params);
}
