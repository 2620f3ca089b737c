namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Any model, called on the masked rows themselves: each worker fills its reused rows (x on the coalition's features,
/// the background row's values elsewhere) and calls the model once per explained row on all of them and x, so the
/// model must not keep the rows it is given.
/// </summary>
/// <param name="model">Maps rows to one output each.</param>
internal sealed class RowsMaskedModel(Func<IReadOnlyList<double[]>, double[]> model) : MaskedModel
{
    /// <inheritdoc />
    public override double[] Outputs(IReadOnlyList<double[]> rows) => model(rows);

    /// <inheritdoc />
    public override Func<double[], int[], IReadOnlyList<bool[]>, double[]> Worker(ShapBackground background)
    {
        double[][] buffer = [];
        return (x, varying, masks) =>
        {
            var n = background.Rows.Count;
            var count = masks.Count * n + 1;
            if (buffer.Length < count)
            {
                var grown = new double[count][];
                Array.Copy(buffer, grown, buffer.Length);
                for (var i = buffer.Length; i < count; i++)
                {
                    grown[i] = new double[x.Length];
                }

                buffer = grown;
            }

            for (var c = 0; c < masks.Count; c++)
            {
                var mask = masks[c];
                for (var b = 0; b < n; b++)
                {
                    var row = buffer[c * n + b];
                    Array.Copy(background.Rows[b], row, x.Length);
                    for (var i = 0; i < varying.Length; i++)
                    {
                        if (mask[i])
                        {
                            row[varying[i]] = x[varying[i]];
                        }
                    }
                }
            }

            Array.Copy(x, buffer[count - 1], x.Length);
            return model(new ArraySegment<double[]>(buffer, 0, count));
        };
    }
}
