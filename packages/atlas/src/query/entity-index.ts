import type { Entity } from '@exoatlas/schema';

/** Resolves entity ids, names and synonyms (case-insensitively) to entities, and finds entity mentions in text. */
export class EntityIndex {
  private readonly byKey = new Map<string, Entity>();
  private readonly matchers: { entity: Entity; pattern: RegExp }[] = [];

  constructor(readonly entities: readonly Entity[]) {
    for (const e of entities) {
      this.byKey.set(e.id, e);
      for (const name of [e.name, ...e.synonyms]) this.byKey.set(name.toLowerCase(), e);
    }
    for (const e of entities) {
      const names = [e.name, ...e.synonyms].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
      if (names.length === 0) continue;
      // Whole-word match, tolerant of the review's spacing ("PI3/ Akt"); case-sensitive for short symbols.
      const alternatives = names.map((n) => escapeRegExp(n).replace(/\\\/\s*/g, '\\/\\s*'));
      const isShort = names.every((n) => n.length <= 4);
      this.matchers.push({ entity: e, pattern: new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, isShort ? 'u' : 'iu') });
    }
  }

  /** The entity with this id, name or synonym. */
  resolve(idOrName: string): Entity | undefined {
    return this.byKey.get(idOrName) ?? this.byKey.get(idOrName.trim().toLowerCase());
  }

  /** Ids of the entities named in the text. */
  mentionedIn(text: string): string[] {
    return this.matchers.filter((m) => m.pattern.test(text)).map((m) => m.entity.id);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
