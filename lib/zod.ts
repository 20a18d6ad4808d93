import { z } from "zod";

// The one place the app takes zod from: every schema's own messages are written in Vietnamese, and the fallbacks
// zod writes itself (a crafted request sending an array where a text belongs, say) are Vietnamese too.
z.config(z.locales.vi());

export { z };
