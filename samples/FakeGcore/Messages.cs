namespace FakeGcore;

/// <summary>
/// Error texts. Generic ones follow Django REST framework wording (what Gcore's API is built on);
/// Gcore-specific ones paraphrase the examples in Gcore's OpenAPI error schemas.
/// </summary>
internal static class Messages
{
    public const string Required = "This field is required.";
    public const string NotNull = "This field may not be null.";
    public const string Blank = "This field may not be blank.";
    public const string NotString = "Not a valid string.";
    public const string NotBoolean = "Must be a valid boolean.";
    public const string NotInteger = "A valid integer is required.";
    public const string TooLong255 = "Ensure this field has no more than 255 characters.";
    public const string TooLong256 = "Ensure this field has no more than 256 characters.";

    public const string NameNotUnique = "Origin group name must be unique.";
    public const string GroupIsEmpty = "Origin group must contain at least one origin source.";
    public const string UseNextNeedsCases = "When use_next is enabled, specify at least one case in proxy_next_upstream.";
    public const string AuthTypeInvalid = "auth_type must be either \"none\" or \"awsSignatureV4\".";
    public const string AuthWithNone = "auth must not be set when auth_type is \"none\".";
    public const string AwsVariantUnsupported =
        "The deprecated awsSignatureV4 group variant is not implemented by FakeGcore; use inline S3 sources (origin_type \"s3\").";

    public const string SourceHasScheme = "Origin source must be specified without a protocol (http:// or https://).";
    public const string SourceHasPath = "Origin source must be specified without a path.";
    public const string SourceWrongPort = "The port after ':' must be a number from 1 to 65535.";
    public const string SourceInvalid = "The origin source is invalid. Specify an IP address or a valid domain name.";
    public const string SourceNotResolved = "The domain name could not be resolved. Specify a registered domain name.";
    public const string SourcePrivateNetwork = "The origin IP address belongs to a private network. Use a public address.";
    public const string SourceReservedIp = "This IP address cannot be used as an origin source. Try another IP address.";
    public const string SourceNotUnique = "Origin source must be unique within the origin group.";
    public const string AllSourcesBackup = "Not every origin source can be a backup (reserve). Add at least one non-backup origin.";
    public const string NoSourceEnabled = "The origin group must have at least one enabled origin source.";

    public const string BucketNotUnique = "The S3 bucket name must be unique within the origin group.";
    public const string AppIdNotUnique = "The FastEdge application must be unique within the origin group.";
    public const string AccessKeyInvalid =
        "Access key ID must be 4 to 255 characters long and contain only Latin letters, digits, colons, dashes and underscores.";
    public const string SecretKeyInvalid =
        "Secret access key must be 16 to 255 characters long and contain only Latin letters, digits, pluses, slashes, dashes, colons and underscores.";
    public const string RegionRequiredForAmazon = "This field is required when s3_type is \"amazon\".";
    public const string HostnameRequiredForOther = "This field is required when s3_type is \"other\".";

    public const string GroupUsedByResources = "The origin group is used by CDN resources.";
    public const string GroupUsedByRules = "The origin group is used by rules.";

    public const string NotFound = "Not found.";
    public const string MissingCredentials = "Authentication credentials were not provided.";
    public const string InvalidCredentials = "Invalid authentication credentials.";

    public static string NotAChoice(string value) => $"\"{value}\" is not a valid choice.";

    public static string ExpectedObject(string got) => $"Invalid data. Expected a dictionary, but got {got}.";

    public static string ExpectedList(string got) => $"Expected a list of items but got type \"{got}\".";

    public static string OriginTypeRequiredForNewS3(string bucket) =>
        $"The group has no S3 source with bucket \"{bucket}\". Set origin_type explicitly when adding a new S3 source.";

    public static string GroupLimit(int limit) => $"Upgrade your service plan to create more than {limit} origin group(s).";
}
