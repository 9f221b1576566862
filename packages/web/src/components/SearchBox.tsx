import { useEffect, useId, useState, type FormEvent } from 'react';
import { navigate, withQuery } from '../router/router';

/** The search box of every page: submits to /search?q=… (role "searchbox", labelled). */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  const id = useId();
  useEffect(() => setValue(initial), [initial]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const q = value.trim();
    navigate(withQuery('/search', { q }));
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Search the atlas
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder="Search: miR-135b, PI3K/Akt, wound…"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button button-search">
        Search
      </button>
    </form>
  );
}
