namespace GcoreCdnGen { internal static class Probe { } }
