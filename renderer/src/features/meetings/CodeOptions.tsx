/** The `<option>`s of a select over a coded list (meeting types, attendance, decision states, age bands…). */
export function CodeOptions({ items }: { items: readonly { code: string; label: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.code} value={item.code}>
          {item.label}
        </option>
      ))}
    </>
  );
}
