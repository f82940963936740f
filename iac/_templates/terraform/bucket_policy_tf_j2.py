from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bucket_policy.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_2 = environment.filters['policy']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'policy' found.")
    try:
        t_3 = environment.filters['snake']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'snake' found.")
    try:
        t_4 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_s3_bucket_policy" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  bucket\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bucket')))
    yield '\n  policy\x00= '
    yield str(t_1(context, t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'))))
    yield '\n\n  depends_on\x00= [aws_s3_bucket_public_access_block.'
    yield str(t_3(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bucket'), 'node')))
    yield ']\n}\n'

blocks = {}
debug_info = '1=38&2=40&3=42&4=44&6=46'
