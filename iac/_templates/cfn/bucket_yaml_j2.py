from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bucket.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    yield '    Type: AWS::S3::Bucket\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n'
    else:
        pass
        yield '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Delete\n'
    yield '    Properties:\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'):
        pass
        yield '      BucketName: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
        yield '\n'
    yield '      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n            BucketKeyEnabled: true\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n        BlockPublicPolicy: '
    yield str(t_1(context, (not environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'public'))))
    yield '\n        RestrictPublicBuckets: '
    yield str(t_1(context, (not environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'public'))))
    yield '\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerEnforced\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'versioned'):
        pass
        yield '      VersioningConfiguration:\n        Status: Enabled\n'
    yield '      LifecycleConfiguration:\n        Rules:\n          - Id: AbortIncompleteUploads\n            Status: Enabled\n            AbortIncompleteMultipartUpload:\n              DaysAfterInitiation: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'abort_uploads_days'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'):
        pass
        yield '          - Id: ExpireObjects\n            Status: Enabled\n            ExpirationInDays: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'eventbridge'):
        pass
        yield '      NotificationConfiguration:\n        EventBridgeConfiguration:\n          EventBridgeEnabled: true\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '2=27&10=34&11=37&21=40&22=42&26=44&35=48&36=50&39=53&41=55&46=58&47=61'
