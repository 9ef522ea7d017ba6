/** The button whose text is exactly `text` (Element Plus pads it with white space). */
export function button(text: string, scope: ParentNode = document.body): HTMLButtonElement {
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === text,
  )
  if (!found) throw new Error(`no button "${text}"`)
  return found
}
