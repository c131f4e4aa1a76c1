import path from "node:path";

export const INTER_WEIGHTS = [400, 600, 700] as const;
export type InterWeight = (typeof INTER_WEIGHTS)[number];

const FILES: Record<InterWeight, string> = {
  400: "400Regular/Inter_400Regular.ttf",
  600: "600SemiBold/Inter_600SemiBold.ttf",
  700: "700Bold/Inter_700Bold.ttf",
};

/**
 * Static TrueType Inter (OFL), as Google Fonts builds it. fontkit reads a
 * TTF's glyphs straight from the file, where a WOFF made it inflate the whole
 * glyph table again for every glyph it read: that was most of a PDF's time.
 * Read from disk at render time; next.config.ts traces these files into the
 * deployment.
 */
export const interTtf = (weight: InterWeight) =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules/@expo-google-fonts/inter", FILES[weight]);
