import { inject, provide, type InjectionKey, type Ref } from 'vue'
import {
  conditionCount,
  depthOf,
  findParent,
  isComplete,
  MAX_CONDITIONS,
  MAX_DEPTH,
  newAttribute,
  newEvent,
  newGroup,
  newTags,
  type ConditionNode,
  type GroupNode,
  type NodeError,
  type RuleNode,
} from './rule'

export type ConditionKind = ConditionNode['kind']
export const CONDITION_KINDS: readonly ConditionKind[] = ['attribute', 'tags', 'event']

/**
 * The builder's edits of the rule tree, shared with its nested components (they get nodes as
 * props and change them only through here). Errors are the server's problems per node id.
 */
export interface Builder {
  update: <N extends RuleNode>(node: N, patch: Partial<N>) => void
  addCondition: (group: GroupNode, kind: ConditionKind) => void
  addGroup: (group: GroupNode) => void
  remove: (node: RuleNode) => void
  canAddCondition: () => boolean
  canAddGroup: (group: GroupNode) => boolean
  errorsOf: (id: string) => NodeError[]
  /** Show unfinished conditions as errors (after a save was refused for them). */
  flagUnfinished: Ref<boolean>
  isComplete: (node: ConditionNode) => boolean
}

const KEY: InjectionKey<Builder> = Symbol('segment-builder')

export function createBuilder(
  root: GroupNode,
  errors: Ref<Map<string, NodeError[]>>,
  flagUnfinished: Ref<boolean>,
): Builder {
  const fresh = (kind: ConditionKind): ConditionNode =>
    kind === 'attribute' ? newAttribute() : kind === 'tags' ? newTags() : newEvent()

  return {
    update: (node, patch) => {
      Object.assign(node, patch)
    },
    addCondition: (group, kind) => {
      group.children.push(fresh(kind))
    },
    // A new group starts with one attribute condition, so it is never sent empty.
    addGroup: (group) => {
      group.children.push(newGroup(group.op === 'and' ? 'or' : 'and', [newAttribute()]))
    },
    remove: (node) => {
      const found = findParent(root, node.id)
      if (found) found.parent.children.splice(found.index, 1)
    },
    canAddCondition: () => conditionCount(root) < MAX_CONDITIONS,
    // A group inside this one sits one level deeper, and its condition one more.
    canAddGroup: (group) =>
      conditionCount(root) < MAX_CONDITIONS && depthOf(root, group.id) + 2 <= MAX_DEPTH,
    errorsOf: (id) => errors.value.get(id) ?? [],
    flagUnfinished,
    isComplete,
  }
}

export function provideBuilder(builder: Builder): void {
  provide(KEY, builder)
}

export function useBuilder(): Builder {
  const builder = inject(KEY)
  if (!builder) throw new Error('provideBuilder() first')
  return builder
}
