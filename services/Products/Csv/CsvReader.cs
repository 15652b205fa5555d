using System.Text;

namespace ECommerce.Products.Csv;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) — enough for imports and the dataset.</summary>
public static class CsvReader
{
    public static async IAsyncEnumerable<string[]> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted)
            {
                field.Append('\n');
                continue;
            }

            fields.Add(field.ToString());
            field.Clear();
            yield return [.. fields];
            fields.Clear();
        }

        if (quoted || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
