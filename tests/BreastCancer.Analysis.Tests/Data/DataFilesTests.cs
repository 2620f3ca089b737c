using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DataFilesTests
{
    [Theory]
    [InlineData("wdbc.csv")]
    [InlineData("wbco.csv")]
    public void Each_data_file_has_the_checksum_its_datasheet_states(string file)
    {
        var datasheet = File.ReadAllText(Repository.Data("README.md"));
        var stated = Regex.Match(datasheet, $@"\b(?<hash>[0-9a-f]{{64}})\s+{Regex.Escape(file)}\b").Groups["hash"].Value;

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Repository.Data(file))));

        Assert.Equal(64, stated.Length);
        Assert.Equal(stated, actual);
    }

    [Theory]
    [InlineData("wdbc.csv")]
    [InlineData("wbco.csv")]
    public void Each_data_file_is_the_shared_copy_byte_for_byte_when_the_shared_folder_is_beside_the_repository(string file)
    {
        var shared = Path.Combine(Repository.Root, "..", "shared", "data", file);
        if (!File.Exists(shared))
        {
            Assert.Fail($"{shared} is missing: the shared data folder must sit beside the repository, as on every machine of this project");
        }

        Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(Repository.Data(file)));
    }

    [Fact]
    public void The_data_folder_is_found_from_a_subfolder_of_the_repository()
    {
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.Combine(Repository.Root, "notebooks");

            Assert.Equal(Repository.Data("wdbc.csv"), DataFiles.Wdbc);
            Assert.Equal(Repository.Data("wbco.csv"), DataFiles.Wbco);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }

    [Fact]
    public void Outside_the_repository_the_error_says_where_it_looked()
    {
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = "/";

            var error = Assert.Throws<DirectoryNotFoundException>(() => DataFiles.Wdbc);

            Assert.Contains("no data/wdbc.csv in / or any folder above it", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }
}
