using BreastCancer.Analysis.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DataViewsTests
{
    private static readonly BreastCancerData Wbco = DataLoader.Load(Repository.Data("wbco.csv"));

    [Fact]
    public void The_ml_net_view_has_a_features_vector_and_a_malignant_label_per_row()
    {
        var view = Wbco.ToDataView(new MLContext(0));

        var features = view.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToList();
        var labels = view.GetColumn<bool>("Label").ToList();

        Assert.Equal(9, ((VectorDataViewType)view.Schema["Features"].Type).Size);
        Assert.Equal(Wbco.IsMalignant, labels);
        Assert.Equal(Wbco.Row(0).Select(v => (float)v), features[0]);
        var missing = Enumerable.Range(0, Wbco.RowCount).First(Wbco.HasMissing);
        Assert.True(float.IsNaN(features[missing][Wbco.IndexOf("bare_nuclei")]));
    }

    [Fact]
    public void The_data_frame_view_has_id_features_and_diagnosis_with_missing_cells_as_nulls()
    {
        var frame = Wbco.ToDataFrame();

        Assert.Equal(["id", .. FeatureCatalog.WbcoFeatures, "class"], frame.Columns.Select(c => c.Name));
        Assert.Equal(Wbco.RowCount, frame.Rows.Count);
        var missing = Enumerable.Range(0, Wbco.RowCount).First(Wbco.HasMissing);
        Assert.Null(frame["bare_nuclei"][missing]);
        Assert.Equal(Wbco.IsMalignant[0] ? "M" : "B", frame["class"][0]);
        Assert.Equal(Wbco.Ids![0], frame["id"][0]);
    }

    [Fact]
    public void An_unknown_feature_name_is_refused_with_the_names_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => Wbco.Column("radius_mean"));

        Assert.Contains("Wbco has no feature 'radius_mean' (features: clump_thickness,", error.Message, StringComparison.Ordinal);
    }
}
