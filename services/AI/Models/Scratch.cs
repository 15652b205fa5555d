namespace ECommerce.AI.Models;

/// <summary>
/// Dense per-item accumulators reused by one thread across requests (cleared through the touched list, so a request
/// costs what it touches, not the catalog size).
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? _current;

    private Scratch(int size)
    {
        Sum = new float[size];
        Max = new float[size];
        Similar = new float[size];
        Hits = new int[size];
        Seen = new bool[size];
    }

    public float[] Sum { get; }

    public float[] Max { get; }

    public float[] Similar { get; }

    public int[] Hits { get; }

    public bool[] Seen { get; }

    public List<int> Touched { get; } = new(2048);

    public static Scratch For(int size)
    {
        var scratch = _current;
        if (scratch is null || scratch.Sum.Length < size)
        {
            _current = scratch = new Scratch(size);
        }

        return scratch;
    }

    public void Touch(int item)
    {
        if (!Seen[item])
        {
            Seen[item] = true;
            Touched.Add(item);
        }
    }

    public void Clear()
    {
        foreach (var i in Touched)
        {
            Sum[i] = Max[i] = Similar[i] = 0;
            Hits[i] = 0;
            Seen[i] = false;
        }

        Touched.Clear();
    }
}
