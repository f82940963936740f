from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bucket.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_kw = resolve('kw')
    l_0_line = resolve('line')
    l_0_Call = resolve('Call')
    l_0_var = resolve('var')
    l_0_Code = resolve('Code')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 's3.Bucket(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'bucket_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
        yield '\n'
    yield '    encryption=s3.BucketEncryption.S3_MANAGED,\n    bucket_key_enabled=True,\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'public'):
        pass
        yield '    block_public_access=s3.BlockPublicAccess(\n        block_public_acls=True,\n        ignore_public_acls=True,\n        block_public_policy=False,\n        restrict_public_buckets=False,\n    ),\n'
    else:
        pass
        yield '    block_public_access=s3.BlockPublicAccess.BLOCK_ALL,\n'
    yield '    object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'versioned'):
        pass
        yield '    versioned=True,\n'
    yield '    lifecycle_rules=[\n        s3.LifecycleRule(\n            id="AbortIncompleteUploads",\n            abort_incomplete_multipart_upload_after=cdk.Duration.days('
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'abort_uploads_days'))
    yield '),\n        ),\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'):
        pass
        yield '        s3.LifecycleRule(\n            id="ExpireObjects",\n            expiration=cdk.Duration.days('
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'))
        yield '),\n        ),\n'
    yield '    ],\n    removal_policy=cdk.RemovalPolicy.'
    yield str(('RETAIN' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'DESTROY'))
    yield ',\n)\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'eventbridge'):
        pass
        yield '# Set on the resource: the L2 `event_bridge_enabled` would add a custom resource.\n'
        yield str(context.call((undefined(name='line') if l_0_line is missing else l_0_line), context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), str_join(('resource_of(', (undefined(name='var') if l_0_var is missing else l_0_var), ').add_property_override', )), ('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), 'True')))))
        yield '\n'

blocks = {}
debug_info = '3=25&4=27&5=30&9=33&20=40&26=44&28=46&31=49&35=52&37=54&39=57'
