import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Enclave",
    short_name: "Enclave",
    description: "A data catalog you can open to your clients.",
    start_url: "/catalog",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#3d55d6",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
