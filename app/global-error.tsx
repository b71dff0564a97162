"use client";

// Last-resort boundary (the root layout itself failed): no translations are available here.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>Rolebook</h1>
        <p aria-hidden>⚠</p>
        <button onClick={() => reset()}>↻</button>
      </body>
    </html>
  );
}
