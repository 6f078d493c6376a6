using System;
using System.Collections.Generic;

namespace GcoreCdnGen.Naming;

/// <summary>
/// The non-generic public types of the namespaces a .NET SDK project imports by itself (<c>ImplicitUsings</c>:
/// System, System.Collections.Generic, System.IO, System.Linq, System.Net.Http, System.Threading,
/// System.Threading.Tasks), as .NET 10 has them. A generated type of the same name would make the user's own
/// <c>Task</c>, <c>Type</c> or <c>File</c> ambiguous (CS0104) as soon as the generated namespace is imported too, so
/// the namer treats these names as taken and falls back to the qualified form (<c>ConfigType</c>, <c>StorageFile</c>).
/// The client file relies on it: it imports System.Threading and System.Threading.Tasks to spell <c>Task</c> and
/// <c>CancellationToken</c> short, which no generated type can then shadow.
/// </summary>
internal static class ImplicitUsingTypeNames
{
    public static readonly IReadOnlyCollection<string> All = new HashSet<string>(
        """
        AbandonedMutexException AccessViolationException Action Activator AggregateException ApartmentState AppContext
        AppDomain AppDomainSetup AppDomainUnloadedException ApplicationException ApplicationId ArgIterator
        ArgumentException ArgumentNullException ArgumentOutOfRangeException ArithmeticException Array
        ArrayTypeMismatchException AssemblyLoadEventArgs AssemblyLoadEventHandler AsyncCallback AsyncEnumerable
        AsyncFlowControl Attribute AttributeTargets AttributeUsageAttribute AutoResetEvent BadImageFormatException
        Barrier BarrierPostPhaseException Base64FormattingOptions BinaryReader BinaryWriter BitConverter Boolean Buffer
        BufferedStream Byte ByteArrayContent ByteEqualityComparer CLSCompliantAttribute CancellationToken
        CancellationTokenRegistration CancellationTokenSource CannotUnloadAppDomainException Char CharEnumerator
        ClientCertificateOption CollectionExtensions CompressedStack ConcurrentExclusiveSchedulerPair
        ConfigureAwaitOptions Console ConsoleCancelEventArgs ConsoleCancelEventHandler ConsoleColor ConsoleKey
        ConsoleKeyInfo ConsoleModifiers ConsoleSpecialKey ContextBoundObject ContextCallback ContextMarshalException
        ContextStaticAttribute Convert CountdownEvent CultureAwareComparer DBNull DataMisalignedException DateOnly
        DateTime DateTimeKind DateTimeOffset DayOfWeek Decimal Delegate DelegatingHandler Directory DirectoryInfo
        DirectoryNotFoundException DivideByZeroException DllNotFoundException Double DriveInfo DriveNotFoundException
        DriveType DuplicateWaitObjectException EndOfStreamException EntryPointNotFoundException Enum Enumerable
        EnumerableExecutor EnumerableQuery EnumerationOptions Environment EnvironmentVariableTarget ErrorEventArgs
        ErrorEventHandler EventArgs EventHandler EventResetMode EventWaitHandle EventWaitHandleAcl Exception
        ExecutionContext ExecutionEngineException FieldAccessException File FileAccess FileAttributes FileInfo
        FileLoadException FileMode FileNotFoundException FileOptions FileShare FileStream FileStreamOptions
        FileStyleUriParser FileSystemAclExtensions FileSystemEventArgs FileSystemEventHandler FileSystemInfo
        FileSystemWatcher FlagsAttribute FormUrlEncodedContent FormatException FormattableString FtpStyleUriParser GC
        GCCollectionMode GCGenerationInfo GCKind GCMemoryInfo GCNotificationStatus GenericUriParser
        GenericUriParserOptions GopherStyleUriParser Guid Half HandleInheritability HashCode HostExecutionContext
        HostExecutionContextManager HttpClient HttpClientHandler HttpCompletionOption HttpContent HttpIOException
        HttpKeepAlivePingPolicy HttpMessageHandler HttpMessageInvoker HttpMethod HttpProtocolException HttpRequestError
        HttpRequestException HttpRequestMessage HttpRequestOptions HttpResponseMessage HttpStyleUriParser
        HttpVersionPolicy IAsyncDisposable IAsyncResult ICloneable IComparable IConvertible ICustomFormatter
        IDisposable IFormatProvider IFormattable IOCompletionCallback IOException IOrderedQueryable IQueryProvider
        IQueryable IServiceProvider ISpanFormattable IThreadPoolWorkItem ITimer IUtf8SpanFormattable
        ImmutableArrayExtensions Index IndexOutOfRangeException InsufficientExecutionStackException
        InsufficientMemoryException Int128 Int16 Int32 Int64 IntPtr Interlocked InternalBufferOverflowException
        InvalidCastException InvalidDataException InvalidOperationException InvalidProgramException
        InvalidTimeZoneException KeyNotFoundException KeyValuePair LazyInitializer LazyThreadSafetyMode
        LdapStyleUriParser LoaderOptimization LoaderOptimizationAttribute LocalDataStoreSlot Lock LockCookie
        LockRecursionException LockRecursionPolicy MTAThreadAttribute ManualResetEvent ManualResetEventSlim
        MarshalByRefObject MatchCasing MatchType Math MathF MemberAccessException MemoryExtensions MemoryStream
        MessageProcessingHandler MethodAccessException MidpointRounding MissingFieldException MissingMemberException
        MissingMethodException ModuleHandle Monitor MulticastDelegate MulticastNotSupportedException MultipartContent
        MultipartFormDataContent Mutex MutexAcl NamedWaitHandleOptions NativeOverlapped NetPipeStyleUriParser
        NetTcpStyleUriParser NewsStyleUriParser NonRandomizedStringEqualityComparer NonSerializedAttribute
        NotFiniteNumberException NotImplementedException NotSupportedException NotifyFilters NullReferenceException
        Nullable Object ObjectDisposedException ObsoleteAttribute OperatingSystem OperationCanceledException
        OrdinalComparer OutOfMemoryException OverflowException Overlapped Parallel ParallelEnumerable
        ParallelExecutionMode ParallelLoopResult ParallelLoopState ParallelMergeOptions ParallelOptions ParallelQuery
        ParamArrayAttribute ParameterizedThreadStart Path PathTooLongException PeriodicTimer PlatformID
        PlatformNotSupportedException PreAllocatedOverlapped Queryable Random RandomAccess Range RankException
        ReadOnlyMemoryContent ReaderWriterLock ReaderWriterLockSlim ReferenceEqualityComparer RegisteredWaitHandle
        RenamedEventArgs RenamedEventHandler ResolveEventArgs ResolveEventHandler RuntimeArgumentHandle
        RuntimeFieldHandle RuntimeMethodHandle RuntimeTypeHandle SByte STAThreadAttribute SearchOption SeekOrigin
        Semaphore SemaphoreAcl SemaphoreFullException SemaphoreSlim SendOrPostCallback SequencePosition
        SerializableAttribute Single SocketsHttpConnectionContext SocketsHttpHandler
        SocketsHttpPlaintextStreamFilterContext SpinLock SpinWait StackOverflowException Stream StreamContent
        StreamReader StreamWriter String StringComparer StringComparison StringContent StringNormalizationExtensions
        StringReader StringSplitOptions StringWriter SynchronizationContext SynchronizationLockException
        SystemException Task TaskAsyncEnumerableExtensions TaskCanceledException TaskCompletionSource
        TaskContinuationOptions TaskCreationOptions TaskExtensions TaskFactory TaskScheduler TaskSchedulerException
        TaskStatus TaskToAsyncResult TextReader TextWriter Thread ThreadAbortException ThreadExceptionEventArgs
        ThreadExceptionEventHandler ThreadInterruptedException ThreadPool ThreadPoolBoundHandle ThreadPriority
        ThreadStart ThreadStartException ThreadState ThreadStateException ThreadStaticAttribute ThreadingAclExtensions
        TimeOnly TimeProvider TimeSpan TimeZone TimeZoneInfo TimeZoneNotFoundException Timeout TimeoutException Timer
        TimerCallback Tuple TupleExtensions Type TypeAccessException TypeCode TypeInitializationException
        TypeLoadException TypeUnloadedException TypedReference UInt128 UInt16 UInt32 UInt64 UIntPtr
        UnauthorizedAccessException UnhandledExceptionEventArgs UnhandledExceptionEventHandler UnitySerializationHolder
        UnixFileMode UnmanagedMemoryAccessor UnmanagedMemoryStream UnobservedTaskExceptionEventArgs Uri UriBuilder
        UriComponents UriCreationOptions UriFormat UriFormatException UriHostNameType UriKind UriParser UriPartial
        UriTypeConverter ValueTask ValueTuple ValueType Version Void Volatile WaitCallback WaitForChangedResult
        WaitHandle WaitHandleCannotBeOpenedException WaitHandleExtensions WaitOrTimerCallback WatcherChangeTypes
        WeakReference
        """.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
