import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

// The home-screen icon: the shield of the sidebar on the brand colour, drawn at build time.
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#3d55d6", borderRadius: 36 }}>
        <svg width="110" height="110" viewBox="0 0 32 32">
          <path d="M16 6.5 9 9.2v6.1c0 4.6 3 8.6 7 10.2 4-1.6 7-5.6 7-10.2V9.2L16 6.5z" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinejoin="round" />
        </svg>
      </div>
    ),
    size,
  );
}
