using System.Runtime.CompilerServices;

namespace MeshDsl.Build;

/// <summary>
/// A 64-bit fingerprint of a manifest's text, to tell whether the build would write a stamped file again unchanged without
/// encoding and hashing it (<see cref="ManifestStamps"/>). Not cryptographic: nothing but MeshDsl's own generator chooses
/// the text, and the record's SHA-256 stays the proof of ownership. Its value is part of the stamp file's format: change it
/// and every stamp is ignored once.
/// </summary>
internal static class ContentFingerprint
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    // Optimized from its first call: a build runs the task once per process, and tier-0 code took longer than SHA-256 did.
    [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization; .NET Framework ignores it
    public static ulong Of(string text)
    {
        // Four UTF-16 code units a step. Each step (xor, multiply by an odd number, rotate) is a bijection of the state for a
        // given block, so texts of one length that differ in one block never collide; the rotation carries the product's
        // high bits down into the next step.
        var hash = (ulong)text.Length * Multiplier;
        var i = 0;
        for (; i + 3 < text.Length; i += 4)
        {
            hash = Step(hash, text[i] | ((ulong)text[i + 1] << 16) | ((ulong)text[i + 2] << 32) | ((ulong)text[i + 3] << 48));
        }

        ulong tail = 0;
        for (var shift = 0; i < text.Length; i++, shift += 16) tail |= (ulong)text[i] << shift;
        hash = Step(hash, tail);

        // The final mix of MurmurHash3, so that every bit of the last blocks reaches every bit of the result.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash;
    }

    private static ulong Step(ulong hash, ulong block)
    {
        var product = (hash ^ block) * Multiplier;
        return (product << 31) | (product >> 33);
    }
}
