from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bucket.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_comment = resolve('comment')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    l_0_bucket = missing
    try:
        t_1 = environment.filters['bucket_prefix']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'bucket_prefix' found.")
    try:
        t_2 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    l_0_bucket = str_join(('aws_s3_bucket.', (undefined(name='name') if l_0_name is missing else l_0_name), '.id', ))
    context.vars['bucket'] = l_0_bucket
    context.exported_vars.add('bucket')
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_s3_bucket" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'):
        pass
        yield '  bucket\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
        yield '\n'
    elif environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name_stem'):
        pass
        yield '  bucket_prefix\x00= '
        yield str(t_2(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name_stem'))))
        yield '\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '\n  lifecycle {\n    prevent_destroy\x00= true\n  }\n'
    else:
        pass
        yield '  # `retain = false`: `terraform destroy` empties the bucket first.\n  force_destroy\x00= true\n'
    yield '}\n\n'
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield ': encryption at rest\nresource "aws_s3_bucket_server_side_encryption_configuration" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  bucket\x00= '
    yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
    yield '\n\n  rule {\n    bucket_key_enabled\x00= true\n\n    apply_server_side_encryption_by_default {\n      sse_algorithm\x00= "AES256"\n    }\n  }\n}\n\n'
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield ': public access\nresource "aws_s3_bucket_public_access_block" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  bucket\x00= '
    yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
    yield '\n  block_public_acls\x00= true\n  ignore_public_acls\x00= true\n  block_public_policy\x00= '
    yield str(t_3(context, (not environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'public'))))
    yield '\n  restrict_public_buckets\x00= '
    yield str(t_3(context, (not environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'public'))))
    yield '\n}\n\n'
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield ': object ownership\nresource "aws_s3_bucket_ownership_controls" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  bucket\x00= '
    yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
    yield '\n\n  rule {\n    object_ownership\x00= "BucketOwnerEnforced"\n  }\n}\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'versioned'):
        pass
        yield '\n'
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': versioning\nresource "aws_s3_bucket_versioning" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  bucket\x00= '
        yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
        yield '\n\n  versioning_configuration {\n    status\x00= "Enabled"\n  }\n}\n'
    yield '\n\n'
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield ': lifecycle\nresource "aws_s3_bucket_lifecycle_configuration" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  bucket\x00= '
    yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
    yield '\n\n  rule {\n    id\x00= "AbortIncompleteUploads"\n    status\x00= "Enabled"\n\n    filter {}\n\n    abort_incomplete_multipart_upload {\n      days_after_initiation\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'abort_uploads_days'))
    yield '\n    }\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'):
        pass
        yield '\n  rule {\n    id\x00= "ExpireObjects"\n    status\x00= "Enabled"\n\n    filter {}\n\n    expiration {\n      days\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'expire_days'))
        yield '\n    }\n  }\n'
    yield '}\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'eventbridge'):
        pass
        yield '\n'
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': events to EventBridge\nresource "aws_s3_bucket_notification" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  bucket\x00= '
        yield str((undefined(name='bucket') if l_0_bucket is missing else l_0_bucket))
        yield '\n  eventbridge\x00= true\n}\n'

blocks = {}
debug_info = '1=34&2=37&3=39&4=41&5=44&6=46&7=49&9=51&20=58&21=60&22=62&33=64&34=66&35=68&38=70&39=72&42=74&43=76&44=78&50=80&52=83&53=85&54=87&63=90&64=92&65=94&74=96&77=98&86=101&91=104&93=107&94=109&95=111'
