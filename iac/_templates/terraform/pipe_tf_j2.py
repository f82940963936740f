from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pipe.tf.j2'

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
        t_1 = environment.filters['dependency']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'dependency' found.")
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
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_pipes_pipe" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  role_arn\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n  source\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source')))
    yield '\n  target\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n\n  source_parameters {\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_kind') == 'sqs'):
        pass
        yield '    sqs_queue_parameters {\n      batch_size\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
        yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
            pass
            yield '      maximum_batching_window_in_seconds\x00= '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
            yield '\n'
        yield '    }\n'
    else:
        pass
        yield '    dynamodb_stream_parameters {\n      starting_position\x00= '
        yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position')))
        yield '\n      batch_size\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
        yield '\n'
        if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
            pass
            yield '      maximum_retry_attempts\x00= '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
            yield '\n'
        if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
            pass
            yield '      maximum_record_age_in_seconds\x00= '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
            yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
            pass
            yield '      on_partial_batch_item_failure\x00= "AUTOMATIC_BISECT"\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
            pass
            yield '\n      dead_letter_config {\n        arn\x00= '
            yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'), 8))
            yield '\n      }\n'
        yield '    }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '\n    filter_criteria {\n      filter {\n        pattern\x00= '
        yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n      }\n    }\n'
    yield '  }\n\n  target_parameters {\n    step_function_state_machine_parameters {\n      invocation_type\x00= "FIRE_AND_FORGET"\n    }\n  }\n\n  depends_on\x00= ['
    yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role'), 'node')))
    yield ']\n}\n'

blocks = {}
debug_info = '1=38&2=40&3=42&4=44&5=46&6=48&9=50&11=53&12=55&13=58&18=64&19=66&20=68&21=71&23=73&24=76&26=78&29=81&32=84&37=87&41=90&53=93'
